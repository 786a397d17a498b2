import { Alert, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { CONSULTATIONS_QUERY } from '../../consultations/graphql/consultations.documents';
import { THEMES_QUERY } from '../graphql/proposals.documents';
import { SubmitProposalForm } from './SubmitProposalForm';

function SignInInvitation() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm">
        <Text fw={700} size="lg">
          {t('submit.signInRequired')}
        </Text>
        <Text>{t('submit.signInRequiredHint')}</Text>
        <Group gap="sm">
          <Button component={Link} to={withNext(paths.signIn, paths.submit)}>
            {t('account.signIn')}
          </Button>
          <Button component={Link} to={withNext(paths.signUp, paths.submit)} variant="outline">
            {t('account.signUp')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function SubmitProposalLoader() {
  const { t } = useTranslation();
  const consultations = useQuery(CONSULTATIONS_QUERY);
  const themes = useQuery(THEMES_QUERY);
  const error = consultations.error ?? themes.error;
  if (error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  if (!consultations.data || !themes.data) return <LoadingState />;
  const open = consultations.data.consultations.filter((item) =>
    item.openPhases.includes('PROPOSING'),
  );
  if (open.length === 0) return <Alert color="ochre">{t('submit.noOpenConsultation')}</Alert>;
  return <SubmitProposalForm consultations={open} themes={themes.data.themes} />;
}

export function SubmitProposalPage() {
  const { t } = useTranslation();
  usePageTitle(t('submit.title'));
  const { user, loading } = useCurrentUser();

  return (
    <Stack maw={760} mx="auto" gap="lg">
      <Stack gap="xs">
        <PageTitle id="submit-title">{t('submit.title')}</PageTitle>
        <Text>{t('submit.intro')}</Text>
      </Stack>
      {loading ? <LoadingState /> : user ? <SubmitProposalLoader /> : <SignInInvitation />}
    </Stack>
  );
}
