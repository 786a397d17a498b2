import { Alert, Anchor, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { NotFoundPage } from '../../../shared/ui/NotFoundPage';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { EXPERIMENT_QUERY } from '../graphql/experiments.documents';
import { ExperimentForm } from './ExperimentForm';

/** Members of the carrying organisation change an experiment. */
export function EditExperimentPage() {
  const { t } = useTranslation();
  usePageTitle(t('experiments.form.editTitle'));
  const { id = '' } = useParams();
  const experiment = useQuery(EXPERIMENT_QUERY, { variables: { id } });
  const themes = useQuery(THEMES_QUERY);
  const current = experiment.data?.experiment;
  return (
    <Stack maw={720} mx="auto" gap="lg">
      <PageTitle id="experiment-form-title">{t('experiments.form.editTitle')}</PageTitle>
      {experiment.error ? (
        <Alert color="red">{errorMessage(experiment.error, t)}</Alert>
      ) : experiment.data && !current ? (
        <NotFoundPage />
      ) : !current || !themes.data ? (
        <LoadingState />
      ) : !current.viewerCanEdit ? (
        <Alert color="ochre">
          {t('experiments.form.notMember')}{' '}
          <Anchor component={Link} to={paths.experiment(current.id)}>
            {current.name}
          </Anchor>
        </Alert>
      ) : (
        <ExperimentForm themes={themes.data.themes} experiment={current} />
      )}
    </Stack>
  );
}
