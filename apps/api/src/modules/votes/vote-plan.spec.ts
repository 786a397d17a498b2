import { proposalScores, type VoteValue } from '@passerelle/domain';
import { planVote, type VoteState } from './vote-plan';

const PUBLISHED = new Date('2026-11-01T10:00:00.000Z');
const state = (overrides: Partial<VoteState> = {}): VoteState => ({
  votesFor: 10,
  votesAgainst: 4,
  votesNeutral: 2,
  publishedAt: PUBLISHED,
  createdAt: new Date('2026-10-30T10:00:00.000Z'),
  voterType: 'SME',
  previous: null,
  previousType: null,
  ...overrides,
});

describe('planVote', () => {
  it.each<[string, Partial<VoteState>, VoteValue | null]>([
    ['the same value in the same collège', { previous: 'FOR', previousType: 'SME' }, 'FOR'],
    ['a retraction without a vote', {}, null],
  ])('writes nothing for %s', (_, overrides, next) => {
    expect(planVote(state(overrides), next)).toBeNull();
  });

  it('casts: +1 in the voter’s collège, the domain’s scores of the new totals', () => {
    expect(planVote(state(), 'AGAINST')).toEqual({
      deltas: { votesFor: 0, votesAgainst: 1, votesNeutral: 0 },
      colleges: [{ actorType: 'SME', votesFor: 0, votesAgainst: 1, votesNeutral: 0 }],
      scores: proposalScores({ votesFor: 10, votesAgainst: 5, votesNeutral: 2 }, PUBLISHED),
    });
  });

  it('changes a value within one collège as one row of moves', () => {
    expect(planVote(state({ previous: 'FOR', previousType: 'SME' }), 'NEUTRAL')).toMatchObject({
      deltas: { votesFor: -1, votesAgainst: 0, votesNeutral: 1 },
      colleges: [{ actorType: 'SME', votesFor: -1, votesAgainst: 0, votesNeutral: 1 }],
    });
  });

  it('moves the same value to the voter’s new collège without changing the totals', () => {
    const plan = planVote(state({ previous: 'FOR', previousType: 'CITIZEN' }), 'FOR');
    expect(plan).toEqual({
      deltas: { votesFor: 0, votesAgainst: 0, votesNeutral: 0 },
      colleges: [
        { actorType: 'CITIZEN', votesFor: -1, votesAgainst: 0, votesNeutral: 0 },
        { actorType: 'SME', votesFor: 1, votesAgainst: 0, votesNeutral: 0 },
      ],
      scores: proposalScores(state(), PUBLISHED),
    });
  });

  it('retracts from the collège the vote was counted in; scores from createdAt when unpublished', () => {
    const createdAt = new Date('2026-10-30T10:00:00.000Z');
    expect(
      planVote(
        state({ previous: 'AGAINST', previousType: 'ASSOCIATION', publishedAt: null }),
        null,
      ),
    ).toEqual({
      deltas: { votesFor: 0, votesAgainst: -1, votesNeutral: 0 },
      colleges: [{ actorType: 'ASSOCIATION', votesFor: 0, votesAgainst: -1, votesNeutral: 0 }],
      scores: proposalScores({ votesFor: 10, votesAgainst: 3, votesNeutral: 2 }, createdAt),
    });
  });

  it('refuses a missing voter account', () => {
    expect(() => planVote(state({ voterType: null }), 'FOR')).toThrow('Voter account missing');
  });
});
