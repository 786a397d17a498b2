import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { BRIEF_DRAFT_QUERY } from '../graphql/curation.documents';
import { BriefEditor } from './BriefEditor';

/** /curation/:id: loads a working copy, then hands it to the editor. */
export function BriefEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(BRIEF_DRAFT_QUERY, {
    variables: { id },
    fetchPolicy: 'network-only',
  });
  const brief = data?.briefDraft;
  const title = brief
    ? t('curation.editor.pageTitle', { title: brief.title })
    : t('curation.title');
  usePageTitle(title);

  if (error && !brief) {
    const notFound = errorReason(error) === 'BRIEF_NOT_FOUND';
    return (
      <Stack gap="lg">
        <PageTitle>{t('curation.title')}</PageTitle>
        <Alert color="red" role="alert">
          {notFound ? t('curation.editor.notFound') : errorMessage(error, t)}
        </Alert>
        {!notFound && (
          <Button variant="light" onClick={() => void refetch()}>
            {t('errors.retry')}
          </Button>
        )}
      </Stack>
    );
  }
  if (!brief) return <LoadingState />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.curation}>
        {t('curation.editor.back')}
      </Anchor>
      <PageTitle id="brief-editor-title">{title}</PageTitle>
      {/* Keyed by id: another brief starts from its own values. */}
      <BriefEditor key={brief.id} brief={brief} />
    </Stack>
  );
}
