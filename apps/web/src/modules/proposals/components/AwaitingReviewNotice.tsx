import { Alert } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_REVIEW_QUERY } from '../graphql/proposals.documents';

/** True while pre-moderation holds the proposal (only its author and moderators see it then). */
export function useIsAwaitingReview(proposalId: string, skip = false): boolean {
  const { data } = useQuery(PROPOSAL_REVIEW_QUERY, { variables: { id: proposalId }, skip });
  return data?.proposal.awaitingReview ?? false;
}

/** "En attente de validation par la modération", for the author of a held proposal. */
export function AwaitingReviewNotice({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  if (!useIsAwaitingReview(proposalId)) return null;
  return (
    <Alert color="ochre" variant="light" title={t('proposal.awaitingReview')}>
      {t('proposal.awaitingReviewNotice')}
    </Alert>
  );
}
