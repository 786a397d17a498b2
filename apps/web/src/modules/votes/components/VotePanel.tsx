import { useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VOTABLE_STATUSES } from '@passerelle/domain';
import { paths, withNext } from '../../../app/paths';
import { errorMessage, errorReason } from '../../../shared/graphql/errors';
import type { ProposalVotes, VoteValue } from '../../../shared/graphql/schema-types';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { VoteCounts } from '../../proposals/components/VoteCounts';
import {
  CAST_VOTE_MUTATION,
  PROPOSAL_VOTE_VALUES_QUERY,
  PROPOSAL_VOTES_QUERY,
  RETRACT_VOTE_MUTATION,
} from '../graphql/votes.documents';
import { useLiveProposalVotes } from '../hooks/useLiveProposalVotes';
import { offeredVoteValues } from '../vote-values';
import { BreadthStatus, CollegeSupportTable } from './BroadSupport';
import { VoteBar } from './VoteBar';

const COLORS: Record<VoteValue, string> = { FOR: 'passerelle', NEUTRAL: 'gray', AGAINST: 'red' };
const CLOSED_REASONS = ['VOTING_CLOSED', 'PROPOSAL_CLOSED_TO_VOTES'];

/** Support per collège: the breadth verdict, then the figures as an accessible table. */
function CollegeBreakdown({ proposal }: { proposal: ProposalVotes }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} fz="h5">
        {t('votes.byCollege')}
      </Title>
      <BreadthStatus breadth={proposal.supportBreadth} />
      {proposal.collegeVotes.length > 0 && (
        <CollegeSupportTable colleges={proposal.collegeVotes} breadth={proposal.supportBreadth} />
      )}
    </Stack>
  );
}

/**
 * Vote buttons (pressed = my current vote; pressing it again retracts) for the values the
 * consultation offers, totals and the support of each collège. Hidden entirely while the API
 * does not serve votes yet.
 */
export function VotePanel({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { data } = useQuery(PROPOSAL_VOTES_QUERY, { variables: { id: proposalId } });
  const { data: settings } = useQuery(PROPOSAL_VOTE_VALUES_QUERY, {
    variables: { id: proposalId },
  });
  const [castVote, cast] = useMutation(CAST_VOTE_MUTATION);
  const [retractVote, retract] = useMutation(RETRACT_VOTE_MUTATION);
  const [announcement, setAnnouncement] = useState('');
  const [voteError, setVoteError] = useState<{ message: string; isClosed: boolean } | null>(null);
  const proposal = data?.proposal;
  const liveMessage = useLiveProposalVotes(proposalId, proposal);
  // Nothing to show while loading, or when the API does not serve votes yet.
  if (!proposal) return null;

  const isOpen =
    proposal.consultation.openPhases.includes('VOTING') &&
    VOTABLE_STATUSES.includes(proposal.status);
  const total = proposal.votesFor + proposal.votesAgainst + proposal.votesNeutral;
  const isBusy = cast.loading || retract.loading;
  const values = offeredVoteValues(settings?.proposal.consultation.settings.voteValues);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setVoteError(null);
    try {
      await action();
      setAnnouncement(done);
    } catch (failure) {
      setVoteError({
        message: errorMessage(failure, t),
        isClosed: CLOSED_REASONS.includes(errorReason(failure) ?? ''),
      });
    }
  };
  const choose = (value: VoteValue) =>
    proposal.myVote === value
      ? run(() => retractVote({ variables: { proposalId } }), t('votes.retracted'))
      : run(
          () => castVote({ variables: { input: { proposalId, value } } }),
          t('votes.recorded', { value: t(`votes.value.${value}`) }),
        );

  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby="votes-title">
      <Stack gap="md">
        <Title order={2} fz="h4" id="votes-title">
          {t('votes.title')}
        </Title>
        <Stack gap={4}>
          <Text fw={700}>{t('votes.total', { count: total })}</Text>
          <VoteBar
            votesFor={proposal.votesFor}
            votesAgainst={proposal.votesAgainst}
            votesNeutral={proposal.votesNeutral}
          />
          <VoteCounts
            votesFor={proposal.votesFor}
            votesAgainst={proposal.votesAgainst}
            votesNeutral={proposal.votesNeutral}
          />
        </Stack>
        {!isOpen || voteError?.isClosed ? (
          <Alert color="ochre" variant="light" role={voteError ? 'alert' : undefined}>
            {voteError?.isClosed
              ? voteError.message
              : proposal.status === 'MERGED'
                ? t('votes.merged')
                : t('votes.closed')}
          </Alert>
        ) : user ? (
          <Stack gap="xs">
            <Text size="sm" fw={600} id="my-vote-label">
              {t('votes.yourVote')}
            </Text>
            <Group gap="xs" role="group" aria-labelledby="my-vote-label" wrap="wrap">
              {values.map((value) => {
                const isPressed = proposal.myVote === value;
                return (
                  <Button
                    key={value}
                    color={COLORS[value]}
                    variant={isPressed ? 'filled' : 'outline'}
                    aria-pressed={isPressed}
                    disabled={isBusy}
                    onClick={() => void choose(value)}
                  >
                    {t(`votes.value.${value}`)}
                  </Button>
                );
              })}
            </Group>
            {proposal.myVote && (
              <Group gap="xs">
                <Text size="sm" c="gray.7">
                  {t('votes.current', { value: t(`votes.value.${proposal.myVote}`) })}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  disabled={isBusy}
                  onClick={() =>
                    void run(() => retractVote({ variables: { proposalId } }), t('votes.retracted'))
                  }
                >
                  {t('votes.retract')}
                </Button>
              </Group>
            )}
            {voteError && (
              <Alert color="red" role="alert">
                {voteError.message}
              </Alert>
            )}
          </Stack>
        ) : (
          <Stack gap="xs">
            <Text size="sm">{t('votes.signInToVote')}</Text>
            <Group gap="xs">
              <Button component={Link} to={withNext(paths.signIn, paths.proposal(proposalId))}>
                {t('account.signIn')}
              </Button>
              <Button
                component={Link}
                variant="outline"
                to={withNext(paths.signUp, paths.proposal(proposalId))}
              >
                {t('account.signUp')}
              </Button>
            </Group>
          </Stack>
        )}
        <CollegeBreakdown proposal={proposal} />
        <VisuallyHidden role="status">{announcement}</VisuallyHidden>
        <VisuallyHidden aria-live="polite">{liveMessage}</VisuallyHidden>
      </Stack>
    </Card>
  );
}
