import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors, signInInputSchema } from '@passerelle/domain';
import { paths, withNext } from '../../../app/paths';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, errorReason, serverFieldErrors } from '../../../shared/graphql/errors';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { safeNextPath, useSignIn } from '../hooks/useAuthActions';
import { accountPaths } from '../lib/paths';
import { OidcErrorAlert, OidcProviderButtons } from './OidcSignIn';
import { type PasswordResetState } from './ResetPasswordPage';

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('signIn.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const location = useLocation();
  const isPasswordReset = Boolean(
    (location.state as Partial<PasswordResetState> | null)?.isPasswordReset,
  );
  const next = safeNextPath(params.get('next'));
  const { signIn, loading } = useSignIn();
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const input = { email, password };
    if (report(fieldErrors(signInInputSchema, input, currentLanguage(i18n)))) return;
    try {
      await signIn(input);
      await navigate(next);
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(
        errorReason(error) === 'INVALID_CREDENTIALS'
          ? t('signIn.invalidCredentials')
          : errorMessage(error, t),
      );
    }
  };

  return (
    <Stack maw={480} mx="auto" gap="lg">
      <PageTitle>{t('signIn.title')}</PageTitle>
      {isPasswordReset && (
        <Alert color="teal" variant="light" role="status">
          {t('accountEmails.reset.done')}
        </Alert>
      )}
      <OidcErrorAlert />
      <Card withBorder radius="md" padding="lg">
        <form noValidate onSubmit={(event) => void handleSubmit(event)}>
          <Stack gap="md">
            <FormErrorSummary fieldErrorCount={count} formError={formError} />
            <TextInput
              ref={fieldRef('email')}
              label={t('signIn.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              error={errors.email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                clear('email');
              }}
            />
            <PasswordInput
              ref={fieldRef('password')}
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              value={password}
              error={errors.password}
              onChange={(event) => {
                setPassword(event.currentTarget.value);
                clear('password');
              }}
            />
            <Anchor component={Link} to={accountPaths.forgotPassword} size="sm">
              {t('accountEmails.forgotLink')}
            </Anchor>
            <Button type="submit" loading={loading} size="md">
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <OidcProviderButtons next={next} />
      </Card>
      <Text>
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to={withNext(paths.signUp, next)} fw={600}>
          {t('account.signUp')}
        </Anchor>
      </Text>
    </Stack>
  );
}
