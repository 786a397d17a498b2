import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { MY_EXPERIMENT_ORGANISATIONS_QUERY } from '../graphql/experiments.documents';
import { ExperimentForm } from './ExperimentForm';

function RecordForm() {
  const { t } = useTranslation();
  const organisations = useQuery(MY_EXPERIMENT_ORGANISATIONS_QUERY);
  const themes = useQuery(THEMES_QUERY);
  if (!organisations.data || !themes.data) return <LoadingState />;
  if (organisations.data.myExperimentOrganisations.length === 0) {
    return (
      <Alert color="ochre" title={t('experiments.form.noOrganisationTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('experiments.form.noOrganisation')}</Text>
          <Button component={Link} to={paths.newOrganisation} size="xs">
            {t('experiments.form.createOrganisation')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <ExperimentForm
      themes={themes.data.themes}
      organisations={organisations.data.myExperimentOrganisations}
    />
  );
}

/** Members record an experiment of their organisation in the registry. */
export function RecordExperimentPage() {
  const { t } = useTranslation();
  usePageTitle(t('experiments.form.recordTitle'));
  const { user, loading } = useCurrentUser();
  return (
    <Stack maw={720} mx="auto" gap="lg">
      <Stack gap="xs">
        <PageTitle id="experiment-form-title">{t('experiments.form.recordTitle')}</PageTitle>
        <Text>{t('experiments.form.recordIntro')}</Text>
      </Stack>
      {loading ? (
        <LoadingState />
      ) : user ? (
        <RecordForm />
      ) : (
        <Alert color="ochre">
          <Button component={Link} to={withNext(paths.signIn, paths.newExperiment)}>
            {t('account.signIn')}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
