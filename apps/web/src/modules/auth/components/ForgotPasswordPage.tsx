import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldErrors, requestPasswordResetInputSchema } from '@passerelle/domain';
import { paths } from '../../../app/paths';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { REQUEST_PASSWORD_RESET_MUTATION } from '../graphql/account-emails.documents';

const FIELDS = ['email'] as const;

/**
 * Asks for a password-reset link. The answer is the same whether or not the address has an
 * account, so the page never tells who is registered.
 */
export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('accountEmails.forgot.title'));
  const [requestReset, { loading }] = useMutation(REQUEST_PASSWORD_RESET_MUTATION);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (report(fieldErrors(requestPasswordResetInputSchema, { email }, currentLanguage(i18n)))) {
      return;
    }
    try {
      await requestReset({ variables: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <Stack maw={480} mx="auto" gap="lg">
      <PageTitle>{t('accountEmails.forgot.title')}</PageTitle>
      <div role="status">
        {sentTo && (
          <Alert color="teal" variant="light">
            {t('accountEmails.forgot.sent', { email: sentTo })}
          </Alert>
        )}
      </div>
      {!sentTo && (
        <Card withBorder radius="md" padding="lg">
          <form noValidate onSubmit={(event) => void handleSubmit(event)}>
            <Stack gap="md">
              <Text>{t('accountEmails.forgot.intro')}</Text>
              <FormErrorSummary fieldErrorCount={count} formError={formError} />
              <TextInput
                ref={fieldRef('email')}
                label={t('accountEmails.forgot.email')}
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
              <Button type="submit" loading={loading} size="md">
                {t('accountEmails.forgot.submit')}
              </Button>
            </Stack>
          </form>
        </Card>
      )}
      <Text>
        <Anchor component={Link} to={paths.signIn} fw={600}>
          {t('accountEmails.forgot.backToSignIn')}
        </Anchor>
      </Text>
    </Stack>
  );
}
