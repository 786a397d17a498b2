import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS, fieldErrors, resetPasswordInputSchema } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { RESET_PASSWORD_MUTATION } from '../graphql/account-emails.documents';
import { accountPaths } from '../lib/paths';

const FIELDS = ['password'] as const;

/** Where the sign-in page reads that the password has just been changed. */
export interface PasswordResetState {
  isPasswordReset: true;
}

/** The page the reset e-mail links to (`?jeton=`): a new password, then sign in. */
export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('accountEmails.reset.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('jeton') ?? '';
  const [resetPassword, { loading }] = useMutation(RESET_PASSWORD_MUTATION);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [isTokenRefused, setIsTokenRefused] = useState(false);
  const [password, setPassword] = useState('');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = { token, password };
    if (report(fieldErrors(resetPasswordInputSchema, input, currentLanguage(i18n)))) return;
    try {
      await resetPassword({ variables: input });
      const state: PasswordResetState = { isPasswordReset: true };
      await navigate(paths.signIn, { state });
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setIsTokenRefused(errorReason(error)?.startsWith('TOKEN_') ?? false);
      setFormError(errorMessage(error, t));
    }
  };

  const requestNew = (
    <Anchor component={Link} to={accountPaths.forgotPassword} fw={600}>
      {t('accountEmails.reset.requestNew')}
    </Anchor>
  );

  return (
    <Stack maw={480} mx="auto" gap="lg">
      <PageTitle>{t('accountEmails.reset.title')}</PageTitle>
      {!token ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" role="alert">
            {t('accountEmails.reset.missingToken')}
          </Alert>
          {requestNew}
        </Stack>
      ) : (
        <Card withBorder radius="md" padding="lg">
          <form noValidate onSubmit={(event) => void handleSubmit(event)}>
            <Stack gap="md">
              <FormErrorSummary fieldErrorCount={count} formError={formError} />
              {isTokenRefused && requestNew}
              <PasswordInput
                ref={fieldRef('password')}
                label={t('accountEmails.reset.password')}
                description={t('accountEmails.reset.passwordHint', {
                  min: ACCOUNT_LIMITS.passwordMin,
                  max: ACCOUNT_LIMITS.passwordMax,
                })}
                autoComplete="new-password"
                required
                value={password}
                error={errors.password}
                onChange={(event) => {
                  setPassword(event.currentTarget.value);
                  clear('password');
                }}
              />
              <Button type="submit" loading={loading} size="md">
                {t('accountEmails.reset.submit')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}
