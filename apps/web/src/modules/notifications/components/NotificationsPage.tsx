import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import type { NotificationNode } from '../../../shared/graphql/schema-types';
import { formatDateTime } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  MARK_NOTIFICATIONS_READ_MUTATION,
  MY_NOTIFICATIONS_QUERY,
  NOTIFICATIONS_PAGE_SIZE,
  UNREAD_NOTIFICATIONS_QUERY,
} from '../graphql/notifications.documents';
import { useUnreadNotifications } from '../hooks/useUnreadNotifications';
import { describeNotification } from '../notification-text';

function NotificationItem({
  notification,
  onMarkRead,
  isBusy,
}: {
  notification: NotificationNode;
  onMarkRead: (id: string) => void;
  isBusy: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { sentence, detail, link } = describeNotification(notification, t, i18n.language);
  const isUnread = !notification.isRead;
  return (
    <Card
      component="li"
      withBorder
      radius="md"
      padding="md"
      bg={isUnread ? 'passerelle.0' : undefined}
      style={isUnread ? { borderLeft: '4px solid var(--mantine-color-passerelle-7)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="xs" c="gray.7">
            <time dateTime={notification.createdAt}>
              {formatDateTime(notification.createdAt, i18n.language)}
            </time>
          </Text>
          {isUnread && (
            <Badge color="passerelle.8" size="sm" radius="sm" tt="none">
              {t('notifications.unread')}
            </Badge>
          )}
        </Group>
        <Text fw={isUnread ? 700 : 400}>{sentence}</Text>
        {detail && (
          <Text size="sm" c="gray.8" className="preserve-lines">
            {detail}
          </Text>
        )}
        <Group gap="md" wrap="wrap">
          {link && (
            <Anchor component={Link} to={link.to} size="sm" fw={600}>
              {link.label}
            </Anchor>
          )}
          {isUnread && (
            <Button
              variant="subtle"
              size="compact-sm"
              disabled={isBusy}
              onClick={() => onMarkRead(notification.id)}
            >
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** My notifications, newest first: unread ones stand out; all or one may be marked as read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const { user, loading: userLoading } = useCurrentUser();
  const result = useQuery(MY_NOTIFICATIONS_QUERY, {
    variables: { first: NOTIFICATIONS_PAGE_SIZE },
    skip: !user,
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, marking] = useMutation(MARK_NOTIFICATIONS_READ_MUTATION, {
    refetchQueries: [UNREAD_NOTIFICATIONS_QUERY],
  });
  const polledUnread = useUnreadNotifications();
  const [announcement, setAnnouncement] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  if (userLoading) return <LoadingState />;
  if (!user) {
    return (
      <Stack gap="md">
        <PageTitle>{t('notifications.title')}</PageTitle>
        <Alert color="ochre" variant="light">
          <Stack gap="xs">
            <Text>{t('notifications.signInRequired')}</Text>
            <Anchor component={Link} to={withNext(paths.signIn, paths.notifications)} fw={600}>
              {t('account.signIn')}
            </Anchor>
          </Stack>
        </Alert>
      </Stack>
    );
  }

  const { error } = result;
  const {
    connection,
    nodes: notifications,
    loadMore,
    isLoadingMore,
  } = pagedConnection(result, 'myNotifications');
  // The header's count is refetched after marking; the page's own count is its first answer.
  const unreadCount = polledUnread ?? connection?.unreadCount ?? 0;

  const mark = async (ids: string[] | null) => {
    setActionError(null);
    try {
      await markRead({
        variables: { ids },
        update(cache) {
          const readAt = new Date().toISOString();
          for (const notification of notifications) {
            if (ids && !ids.includes(notification.id)) continue;
            if (notification.isRead) continue;
            cache.modify({
              id: cache.identify({ __typename: 'Notification', id: notification.id }),
              fields: { isRead: () => true, readAt: () => readAt },
            });
          }
        },
      });
      setAnnouncement(ids ? t('notifications.markedRead') : t('notifications.allMarkedRead'));
    } catch (failure) {
      setActionError(errorMessage(failure, t));
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <PageTitle>{t('notifications.title')}</PageTitle>
        <Text c="gray.7">{t('notifications.intro')}</Text>
      </Stack>
      {error && !connection && (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      {!connection && !error && <LoadingState />}
      {connection && (
        <>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text fw={600}>
              {unreadCount > 0
                ? t('notifications.unreadCount', { count: unreadCount })
                : t('notifications.allReadSummary')}
            </Text>
            {unreadCount > 0 && (
              <Button variant="light" loading={marking.loading} onClick={() => void mark(null)}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {actionError && (
            <Alert color="red" role="alert">
              {actionError}
            </Alert>
          )}
          {notifications.length === 0 ? (
            <Text>{t('notifications.empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" className="plain-list">
              {notifications.map((notification) => (
                <NotificationItem
                  key={notification.id}
                  notification={notification}
                  isBusy={marking.loading}
                  onMarkRead={(id) => void mark([id])}
                />
              ))}
            </Stack>
          )}
          {connection.pageInfo.hasNextPage && (
            <Group justify="center">
              <Button variant="default" loading={isLoadingMore} onClick={() => void loadMore()}>
                {t('notifications.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
    </Stack>
  );
}
