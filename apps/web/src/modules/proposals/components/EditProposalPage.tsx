import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { PROPOSAL_BODY_QUERY, PROPOSAL_QUERY, THEMES_QUERY } from '../graphql/proposals.documents';
import { SubmitProposalForm } from './SubmitProposalForm';

/** The author edits a proposal: every save is a new revision, guarded by the version number. */
export function EditProposalPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('edit.title'));
  // network-only: the form must start from the latest version, not from a cached one.
  const proposal = useQuery(PROPOSAL_QUERY, { variables: { id }, fetchPolicy: 'network-only' });
  const access = useQuery(PROPOSAL_BODY_QUERY, { variables: { id }, fetchPolicy: 'network-only' });
  const themes = useQuery(THEMES_QUERY);
  const error = proposal.error ?? access.error ?? themes.error;

  let content;
  if (error) {
    content = (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  } else if (!proposal.data || !access.data || !themes.data) {
    content = <LoadingState />;
  } else if (!access.data.proposal.canEdit) {
    content = <Alert color="ochre">{t('edit.notAllowed')}</Alert>;
  } else {
    const current = proposal.data.proposal;
    content = (
      <SubmitProposalForm
        proposal={current}
        themes={themes.data.themes}
        consultations={[
          {
            ...current.consultation,
            description: '',
            openPhases: [],
            phases: [],
            themes: [],
          },
        ]}
      />
    );
  }

  return (
    <Stack maw={760} mx="auto" gap="lg">
      <Anchor component={Link} to={paths.proposal(id)} size="sm" fw={600}>
        ← {t('edit.back')}
      </Anchor>
      <Stack gap="xs">
        <PageTitle id="submit-title">{t('edit.title')}</PageTitle>
        <Text>{t('edit.intro')}</Text>
      </Stack>
      {content}
    </Stack>
  );
}
