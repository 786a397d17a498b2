import { useEffect, useRef } from 'react';
import { Title, type TitleProps } from '@mantine/core';

/** The id of the app's <main>, which the skip link and route changes focus. */
export const MAIN_ID = 'contenu';

/**
 * The page's only h1. After a client-side navigation the layout focuses <main>; a title that
 * renders later (lazy page, data loaded) takes the focus over, so screen readers announce it.
 */
export function PageTitle(props: Omit<TitleProps, 'order'>) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (document.activeElement?.id === MAIN_ID) ref.current?.focus();
  }, []);
  return <Title ref={ref} order={1} tabIndex={-1} {...props} />;
}
