import { useState } from 'react';
import { skipToken, useApolloClient, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  MY_NOTIFICATIONS_QUERY,
  UNREAD_NOTIFICATIONS_QUERY,
} from '../graphql/notifications.documents';
import { NOTIFICATION_ADDED_SUBSCRIPTION } from '../graphql/notifications-live.documents';

/**
 * While signed in, listens for my new notifications: the unread count (and the notifications
 * page when it is open) is refetched, and the arrival is announced politely. Mounted once, by the
 * header's bell.
 */
export function useLiveNotifications(): string {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { user } = useCurrentUser();
  const [message, setMessage] = useState('');
  useSubscription(
    NOTIFICATION_ADDED_SUBSCRIPTION,
    user
      ? {
          ignoreResults: true,
          onData: () => {
            void client
              .refetchQueries({ include: [UNREAD_NOTIFICATIONS_QUERY, MY_NOTIFICATIONS_QUERY] })
              .catch(() => undefined);
            setMessage((previous) =>
              // Alternates an invisible trailing space so that each arrival is announced again.
              previous.endsWith(' ')
                ? t('realtime.newNotification')
                : `${t('realtime.newNotification')} `,
            );
          },
        }
      : skipToken,
  );
  return message;
}
