import { Alert, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { isUnsupportedByApi } from '../../../shared/graphql/errors';
import { formatDate } from '../../../shared/ui/format';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MY_SUSPENSION_QUERY } from '../graphql/notifications.documents';
import { useRefetchOnNavigation } from '../hooks/useRefetchOnNavigation';
import { UNREAD_POLL_MS } from '../hooks/useUnreadNotifications';

/** Tells a suspended participant until when (or that it is until reinstated) and why. */
export function SuspensionBanner() {
  const { t, i18n } = useTranslation();
  const { user } = useCurrentUser();
  const { data, error, refetch } = useQuery(MY_SUSPENSION_QUERY, {
    skip: !user,
    pollInterval: UNREAD_POLL_MS,
  });
  useRefetchOnNavigation(refetch, Boolean(user) && !(error && isUnsupportedByApi(error)));
  const me = user ? data?.me : null;
  if (!me?.isSuspended) return null;
  return (
    <Alert color="red" variant="light" title={t('suspension.title')} mb="lg">
      <Text size="sm">
        {me.suspendedUntil
          ? t('suspension.until', { date: formatDate(me.suspendedUntil, i18n.language) })
          : t('suspension.indefinite')}
      </Text>
      {me.suspensionReason && (
        <Text size="sm" className="preserve-lines">
          {t('suspension.reason', { reason: me.suspensionReason })}
        </Text>
      )}
    </Alert>
  );
}
