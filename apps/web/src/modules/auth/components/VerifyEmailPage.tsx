import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { VERIFY_EMAIL_MUTATION } from '../graphql/account-emails.documents';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { useResendVerification } from '../hooks/useResendVerification';

type Outcome = { kind: 'verifying' } | { kind: 'verified' } | { kind: 'failed'; message: string };

/** A new link for a signed-in account; visitors are asked to sign in first. */
function ResendAction() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { resend, loading, notice, error } = useResendVerification();
  if (!user) {
    return (
      <Anchor component={Link} to={paths.signIn} fw={600}>
        {t('accountEmails.verify.signInToResend')}
      </Anchor>
    );
  }
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="light" loading={loading} onClick={() => void resend()}>
        {t('accountEmails.verify.resend')}
      </Button>
      <div role="status">{notice && t('accountEmails.verify.resent')}</div>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** The page the verification e-mail links to (`?jeton=`): confirms the address once. */
export function VerifyEmailPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountEmails.verify.title'));
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [verifyEmail] = useMutation(VERIFY_EMAIL_MUTATION);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'verifying' });
  // A token works once: never send it twice (StrictMode runs effects twice in development).
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    verifyEmail({ variables: { token } })
      .then(() => setOutcome({ kind: 'verified' }))
      .catch((error: unknown) => setOutcome({ kind: 'failed', message: errorMessage(error, t) }));
  }, [token, verifyEmail, t]);

  return (
    <Stack maw={560} mx="auto" gap="lg">
      <PageTitle>{t('accountEmails.verify.title')}</PageTitle>
      {!token ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" role="alert">
            {t('accountEmails.verify.missingToken')}
          </Alert>
          <ResendAction />
        </Stack>
      ) : outcome.kind === 'verifying' ? (
        <LoadingState />
      ) : outcome.kind === 'verified' ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="teal" variant="light" role="status">
            {t('accountEmails.verify.success')}
          </Alert>
          <Anchor component={Link} to={paths.home} fw={600}>
            {t('accountEmails.verify.home')}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" role="alert">
            {outcome.message}
          </Alert>
          <ResendAction />
        </Stack>
      )}
    </Stack>
  );
}
