import { useQuery } from '@apollo/client/react';
import { isUnsupportedByApi } from '../../../shared/graphql/errors';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { UNREAD_NOTIFICATIONS_QUERY } from '../graphql/notifications.documents';
import { useRefetchOnNavigation } from './useRefetchOnNavigation';

/** Live updates refetch the count (useLiveNotifications); polling stays as a slow fallback. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The signed-in user's unread notifications count; null for visitors, while loading, or when
 * the API does not serve notifications yet.
 */
export function useUnreadNotifications(): number | null {
  const { user } = useCurrentUser();
  const { data, error, refetch } = useQuery(UNREAD_NOTIFICATIONS_QUERY, {
    skip: !user,
    pollInterval: UNREAD_POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  useRefetchOnNavigation(refetch, Boolean(user) && !(error && isUnsupportedByApi(error)));
  if (!user || !data) return null;
  return data.myNotifications.unreadCount;
}
