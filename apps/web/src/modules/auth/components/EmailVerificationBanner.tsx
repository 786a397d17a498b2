import { Alert, Button, Group, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EMAIL_VERIFICATION_QUERY } from '../graphql/account-emails.documents';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { useResendVerification } from '../hooks/useResendVerification';

/** Asks a signed-in account whose address is not confirmed yet to open its link, or resend it. */
export function EmailVerificationBanner() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data } = useQuery(EMAIL_VERIFICATION_QUERY, { skip: !user });
  const { resend, loading, notice, error } = useResendVerification();
  const me = user ? data?.me : null;
  if (!me || me.emailVerified) return null;
  return (
    // A standing notice, not an alert: role="region" keeps it out of the page's alerts.
    <Alert
      color="blue"
      variant="light"
      title={t('accountEmails.banner.title')}
      role="region"
      aria-label={t('accountEmails.banner.title')}
      mb="lg"
    >
      <Text size="sm">{t('accountEmails.banner.text', { email: me.email })}</Text>
      <Group mt="xs" gap="sm" align="center" wrap="wrap">
        <Button size="xs" variant="light" loading={loading} onClick={() => void resend()}>
          {t('accountEmails.banner.resend')}
        </Button>
        <Text size="sm" role="status">
          {notice && t('accountEmails.banner.resent', { email: me.email })}
        </Text>
      </Group>
      {error && (
        <Text size="sm" c="red.8" role="alert" mt="xs">
          {error}
        </Text>
      )}
    </Alert>
  );
}
