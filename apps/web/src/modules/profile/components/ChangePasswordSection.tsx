import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_LIMITS, changePasswordInputSchema, fieldErrors } from '@passerelle/domain';
import { currentLanguage } from '../../../app/i18n/i18n';
import { FormErrorSummary } from '../../../shared/forms/FormErrorSummary';
import { useFieldErrors } from '../../../shared/forms/useFieldErrors';
import { errorMessage, serverFieldErrors } from '../../../shared/graphql/errors';
import { CHANGE_PASSWORD_MUTATION } from '../graphql/change-password.documents';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * "Changer mon mot de passe" on the profile page: the current password again and a new one. On
 * success every other device is signed out (the API ends the other sessions); this one goes on.
 */
export function ChangePasswordSection() {
  const { t, i18n } = useTranslation();
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const { errors, count, fieldRef, report, clear } = useFieldErrors(FIELDS);
  const [formError, setFormError] = useState<string | null>(null);
  const [isDone, setIsDone] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setIsDone(false);
    const input = { currentPassword, newPassword };
    if (report(fieldErrors(changePasswordInputSchema, input, currentLanguage(i18n)))) return;
    try {
      await changePassword({ variables: { input } });
      setCurrentPassword('');
      setNewPassword('');
      setIsDone(true);
    } catch (error) {
      if (report(serverFieldErrors(error))) return;
      setFormError(errorMessage(error, t));
    }
  };

  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="password-title">
      <form noValidate onSubmit={(event) => void handleSubmit(event)}>
        <Stack gap="sm">
          <Title order={2} fz="h4" id="password-title">
            {t('changePassword.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('changePassword.intro')}
          </Text>
          <FormErrorSummary fieldErrorCount={count} formError={formError} />
          {isDone && (
            <Alert color="teal" role="status">
              {t('changePassword.done')}
            </Alert>
          )}
          <PasswordInput
            ref={fieldRef('currentPassword')}
            label={t('changePassword.current')}
            autoComplete="current-password"
            required
            value={currentPassword}
            error={errors.currentPassword}
            onChange={(event) => {
              setCurrentPassword(event.currentTarget.value);
              clear('currentPassword');
            }}
          />
          <PasswordInput
            ref={fieldRef('newPassword')}
            label={t('changePassword.new')}
            description={t('changePassword.newHint', {
              min: ACCOUNT_LIMITS.passwordMin,
              max: ACCOUNT_LIMITS.passwordMax,
            })}
            autoComplete="new-password"
            required
            value={newPassword}
            error={errors.newPassword}
            onChange={(event) => {
              setNewPassword(event.currentTarget.value);
              clear('newPassword');
            }}
          />
          <div>
            <Button type="submit" loading={loading}>
              {t('changePassword.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
