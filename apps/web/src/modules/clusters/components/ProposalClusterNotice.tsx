import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { errorMessage, isUnsupportedByApi } from '../../../shared/graphql/errors';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { MOVE_VOTE_MUTATION, PROPOSAL_CLUSTER_INFO_QUERY } from '../graphql/clusters.documents';

/**
 * On a proposal page: a merged proposal links to its group and lets its voters move their vote
 * to the main proposal; the main proposal links to the group too.
 */
export function ProposalClusterNotice({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data, error } = useQuery(PROPOSAL_CLUSTER_INFO_QUERY, { variables: { id: proposalId } });
  const [moveVote, moving] = useMutation(MOVE_VOTE_MUTATION, {
    refetchQueries: ['ProposalVotes', 'ProposalClusterInfo', 'ProposalCluster'],
  });
  const [moveError, setMoveError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [hasMoved, setMoved] = useState(false);
  const proposal = data?.proposal;
  const cluster = proposal?.cluster;
  if ((error && isUnsupportedByApi(error)) || !proposal || !cluster?.isActive) {
    return <VisuallyHidden role="status">{announcement}</VisuallyHidden>;
  }

  const clusterLink = (
    <Anchor component={Link} to={paths.cluster(cluster.id)} fw={600} size="sm">
      {t('proposal.seeCluster')}
    </Anchor>
  );

  if (proposal.isClusterLead) {
    return (
      <Alert color="passerelle" variant="light" title={t('clusters.lead')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('proposal.leadNotice', { count: Math.max(0, cluster.members.length - 1) })}
          </Text>
          {clusterLink}
        </Stack>
      </Alert>
    );
  }

  const move = async () => {
    setMoveError(null);
    try {
      await moveVote({
        variables: { input: { fromProposalId: proposalId, toProposalId: cluster.lead.id } },
      });
      setMoved(true);
      setAnnouncement(t('proposal.voteMoved'));
    } catch (failure) {
      setMoveError(errorMessage(failure, t));
    }
  };

  return (
    <Alert color="ochre" variant="light" title={t('proposal.mergedTitle')}>
      <Stack gap="xs">
        <Text size="sm">{t('proposal.mergedNotice', { title: cluster.lead.title })}</Text>
        {clusterLink}
        {user && proposal.myVote && (
          <Stack gap={4} align="flex-start">
            <Text size="sm">
              {t('proposal.moveVoteHint', {
                value: t(`votes.value.${proposal.myVote}`),
                title: cluster.lead.title,
              })}
            </Text>
            <Button loading={moving.loading} onClick={() => void move()}>
              {t('proposal.moveVote')}
            </Button>
          </Stack>
        )}
        {hasMoved && (
          <Text size="sm" fw={600}>
            {t('proposal.voteMoved')}{' '}
            <Anchor component={Link} to={paths.proposal(cluster.lead.id)}>
              {t('proposal.seeLead')}
            </Anchor>
          </Text>
        )}
        {moveError && (
          <Alert color="red" role="alert">
            {moveError}
          </Alert>
        )}
        <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      </Stack>
    </Alert>
  );
}
