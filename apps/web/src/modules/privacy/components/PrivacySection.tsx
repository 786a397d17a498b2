import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import type { AccountDeletionMode } from '../../../shared/graphql/schema-types';
import { DELETE_MY_ACCOUNT_MUTATION, EXPORT_URL } from '../graphql/privacy.documents';

/** "Mes données" on the profile: download the data export, delete the account. */
export function PrivacySection({ hasPassword = true }: { hasPassword?: boolean }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <Card
      component="section"
      withBorder
      radius="md"
      padding="lg"
      aria-labelledby="mes-donnees"
      id="mes-donnees-section"
    >
      <Stack gap="sm">
        <Title order={2} fz="h4" id="mes-donnees">
          {t('privacy.myData')}
        </Title>
        <Text size="sm">{t('privacy.myDataIntro')}</Text>
        <Group>
          <Button component="a" href={EXPORT_URL} download variant="light">
            {t('privacy.download')}
          </Button>
        </Group>
        <Title order={3} fz="h5">
          {t('privacy.deleteTitle')}
        </Title>
        <Text size="sm">{t('privacy.deleteIntro')}</Text>
        <Group>
          <Button color="red" variant="outline" onClick={() => setOpen(true)}>
            {t('privacy.deleteButton')}
          </Button>
        </Group>
      </Stack>
      <DeleteAccountDialog
        opened={isOpen}
        onClose={() => setOpen(false)}
        hasPassword={hasPassword}
      />
    </Card>
  );
}

export function DeleteAccountDialog({
  opened,
  onClose,
  hasPassword,
}: {
  opened: boolean;
  onClose: () => void;
  hasPassword: boolean;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(DELETE_MY_ACCOUNT_MUTATION);
  const [mode, setMode] = useState<AccountDeletionMode>('KEEP_CONTRIBUTIONS');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    try {
      await mutate({
        variables: { input: { mode, password: hasPassword ? password : null, confirmation } },
      });
    } catch (caught) {
      setError(errorMessage(caught, t));
      return;
    }
    // The API has cleared the session cookies: forget everything cached, then go home.
    await client.clearStore().catch(() => undefined);
    await navigate(paths.home, { state: { announce: t('privacy.deletedNotice') } });
    await client.resetStore().catch(() => undefined);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('privacy.deleteDialogTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('privacy.cancel') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Radio.Group
            label={t('privacy.modeLabel')}
            value={mode}
            onChange={(value) => setMode(value as AccountDeletionMode)}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="KEEP_CONTRIBUTIONS" label={t('privacy.modeKeep')} />
              <Radio value="ERASE_CONTRIBUTIONS" label={t('privacy.modeErase')} />
            </Stack>
          </Radio.Group>
          {hasPassword && (
            <PasswordInput
              label={t('privacy.password')}
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('privacy.confirmation')}
            type="email"
            autoComplete="off"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('privacy.cancel')}
            </Button>
            <Button type="submit" color="red" loading={loading}>
              {t('privacy.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
