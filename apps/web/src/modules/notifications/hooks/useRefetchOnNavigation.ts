import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** Calls `refetch` after each client-side navigation (not on the first render). */
export function useRefetchOnNavigation(refetch: () => unknown, isActive: boolean): void {
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (isActive) void Promise.resolve(refetch()).catch(() => undefined);
  }, [pathname, refetch, isActive]);
}
