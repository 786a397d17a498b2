import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import {
  PROPOSAL_DRAFT_QUERY,
  PROPOSAL_HISTORY_QUERY,
  PUBLISH_PROPOSAL_MUTATION,
} from '../graphql/proposals.documents';

type Outcome = 'published' | 'awaitingReview';

interface DraftProposalNoticeProps {
  proposalId: string;
  /** The page's h1: it takes the focus once the publish button is gone. */
  titleId: string;
}

/**
 * On a draft: who can read it and, for its author, « Publier la proposition ». After publishing,
 * the result is announced; a proposal held by pre-moderation gets the page's own awaiting-review
 * notice, so that message is only announced here.
 */
export function DraftProposalNotice({ proposalId, titleId }: DraftProposalNoticeProps) {
  const { t } = useTranslation();
  const { data } = useQuery(PROPOSAL_DRAFT_QUERY, { variables: { id: proposalId } });
  const [publishProposal, publishing] = useMutation(PUBLISH_PROPOSAL_MUTATION, {
    // The answer updates the proposal in the cache; its status history gained a change, and the
    // public lists may now hold it.
    refetchQueries: [PROPOSAL_HISTORY_QUERY],
    update(cache) {
      cache.evict({ fieldName: 'proposals' });
      cache.gc();
    },
  });
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const proposal = data?.proposal;

  const publish = async () => {
    setError(null);
    try {
      const result = await publishProposal({ variables: { input: { proposalId } } });
      setOutcome(result.data?.publishProposal.awaitingReview ? 'awaitingReview' : 'published');
      // The notice and its button leave the page: the focus goes back to the proposal's title.
      document.getElementById(titleId)?.focus();
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <>
      {proposal?.status === 'DRAFT' && (
        // A note, not an alert: it is part of the page as loaded.
        <Alert color="ochre" variant="light" role="note" title={t('draft.title')}>
          <Stack gap="sm">
            <Text size="sm">
              {proposal.viewerCanPublish ? t('draft.noticeAuthor') : t('draft.noticeCoAuthor')}
            </Text>
            {proposal.viewerCanPublish && (
              <Group>
                <Button loading={publishing.loading} onClick={() => void publish()}>
                  {t('draft.publish')}
                </Button>
              </Group>
            )}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
          </Stack>
        </Alert>
      )}
      {/* Always in the page, so that screen readers announce what is written into it. Out of the
          layout while empty or when the page shows the message already. */}
      <div role="status" className={outcome === 'published' ? undefined : 'visually-hidden'}>
        {outcome === 'published' && (
          // Not an Alert: Mantine gives it role="alert", a second live region inside this one.
          <Paper withBorder radius="md" p="sm" bg="teal.0">
            <Text size="sm" fw={600}>
              {t('draft.published')}
            </Text>
          </Paper>
        )}
        {outcome === 'awaitingReview' && t('proposal.awaitingReviewNotice')}
      </div>
    </>
  );
}
