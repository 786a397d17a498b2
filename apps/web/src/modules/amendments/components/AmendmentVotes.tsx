import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import type { Amendment, AmendmentVoteValue } from '../../../shared/graphql/schema-types';
import { nextVote } from '../amendment-logic';
import { VOTE_ON_AMENDMENT_MUTATION } from '../graphql/amendments.documents';

const VALUES: readonly AmendmentVoteValue[] = ['FOR', 'AGAINST'];

/**
 * Votes for and against an amendment: toggle buttons (aria-pressed) for those who may vote —
 * pressing one's own vote again withdraws it — and the counts for everyone else.
 */
export function AmendmentVotes({
  amendment,
  proposalId,
  isSignedIn,
}: {
  amendment: Pick<
    Amendment,
    | 'id'
    | 'votesFor'
    | 'votesAgainst'
    | 'viewerVote'
    | 'viewerCanVote'
    | 'status'
    | 'viewerIsAuthor'
  >;
  proposalId: string;
  isSignedIn: boolean;
}) {
  const { t } = useTranslation();
  const [vote, voting] = useMutation(VOTE_ON_AMENDMENT_MUTATION);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const count = (value: AmendmentVoteValue) =>
    value === 'FOR' ? amendment.votesFor : amendment.votesAgainst;

  const cast = async (clicked: AmendmentVoteValue) => {
    setError(null);
    const value = nextVote(amendment.viewerVote, clicked);
    try {
      await vote({
        variables: { input: { amendmentId: amendment.id, value } },
        optimisticResponse: {
          voteOnAmendment: {
            __typename: 'Amendment',
            id: amendment.id,
            viewerVote: value,
            votesFor:
              amendment.votesFor +
              (value === 'FOR' ? 1 : 0) -
              (amendment.viewerVote === 'FOR' ? 1 : 0),
            votesAgainst:
              amendment.votesAgainst +
              (value === 'AGAINST' ? 1 : 0) -
              (amendment.viewerVote === 'AGAINST' ? 1 : 0),
          },
        },
      });
      setAnnouncement(
        value ? t(`amendments.votes.cast.${value}`) : t('amendments.votes.withdrawn'),
      );
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Stack gap={4}>
      {amendment.viewerCanVote ? (
        <Group gap="xs" role="group" aria-label={t('amendments.votes.label')}>
          {VALUES.map((value) => {
            const isPressed = amendment.viewerVote === value;
            return (
              <Button
                key={value}
                size="xs"
                variant={isPressed ? 'filled' : 'default'}
                aria-pressed={isPressed}
                disabled={voting.loading}
                onClick={() => void cast(value)}
              >
                {t(`amendments.votes.button.${value}`, { count: count(value) })}
              </Button>
            );
          })}
        </Group>
      ) : (
        <Text size="sm">
          {t('amendments.votes.counts', {
            for: amendment.votesFor,
            against: amendment.votesAgainst,
          })}
          {!isSignedIn && amendment.status === 'PENDING' && (
            <>
              {' · '}
              <Anchor component={Link} to={withNext(paths.signIn, paths.proposal(proposalId))}>
                {t('amendments.votes.signIn')}
              </Anchor>
            </>
          )}
        </Text>
      )}
      {amendment.viewerCanVote && amendment.viewerVote && (
        <Text size="xs" c="gray.7">
          {t('amendments.votes.withdrawHint')}
        </Text>
      )}
      <Text size="sm" role="status" c="gray.7">
        {announcement}
      </Text>
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
