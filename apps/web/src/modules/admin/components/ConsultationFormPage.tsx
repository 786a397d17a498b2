import { Alert, Button, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { ADMIN_CONSULTATION_QUERY } from '../graphql/admin.documents';
import { ADMIN_CONSULTATION_LOCAL_SPACE_QUERY } from '../graphql/local-moderators.documents';
import { ConsultationForm } from './ConsultationForm';
import { LocalModeratorsPanel } from './LocalModeratorsPanel';

/** /admin/consultations/nouvelle */
export function NewConsultationPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.form.newTitle'));
  const themes = useQuery(THEMES_QUERY);
  return (
    <Stack gap="lg">
      <PageTitle id="consultation-form-title">{t('admin.form.newTitle')}</PageTitle>
      {themes.error && !themes.data ? (
        <Alert color="red" role="alert">
          {errorMessage(themes.error, t)}
        </Alert>
      ) : !themes.data ? (
        <LoadingState />
      ) : (
        <ConsultationForm themes={themes.data.themes} />
      )}
    </Stack>
  );
}

/** /admin/consultations/:slug/modifier */
export function EditConsultationPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const themes = useQuery(THEMES_QUERY);
  const consultation = useQuery(ADMIN_CONSULTATION_QUERY, {
    variables: { slug },
    fetchPolicy: 'network-only',
  });
  const localSpace = useQuery(ADMIN_CONSULTATION_LOCAL_SPACE_QUERY, {
    variables: { slug },
    fetchPolicy: 'network-only',
  });
  const loaded = consultation.data?.consultation;
  const space = localSpace.data?.consultation;
  const title = loaded ? t('admin.form.editTitle', { title: loaded.title }) : t('admin.title');
  usePageTitle(title);
  const error = consultation.error ?? themes.error ?? localSpace.error;

  if (error && (!loaded || !themes.data || !space)) {
    return (
      <Stack gap="lg">
        <PageTitle>{title}</PageTitle>
        <Alert color="red" role="alert">
          {errorReason(error) === 'CONSULTATION_NOT_FOUND'
            ? t('admin.form.notFound')
            : errorMessage(error, t)}
        </Alert>
        {errorReason(error) !== 'CONSULTATION_NOT_FOUND' && (
          <Button variant="light" onClick={() => void consultation.refetch()}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    );
  }
  if (!loaded || !themes.data || !space) return <LoadingState />;
  return (
    <Stack gap="lg">
      <PageTitle id="consultation-form-title">{title}</PageTitle>
      {/* Keyed by id: another consultation's page starts from its own values. */}
      <ConsultationForm
        key={loaded.id}
        consultation={{ ...loaded, organisation: space.organisation }}
        themes={themes.data.themes}
      />
      <LocalModeratorsPanel consultationId={space.id} moderators={space.moderators} />
    </Stack>
  );
}
