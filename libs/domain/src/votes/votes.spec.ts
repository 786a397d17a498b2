import { type PhaseWindow } from '../consultations/phases';
import { assertCanVote, counterFor, voteCounterDeltas } from './votes';

const now = new Date('2026-05-01');
const voting: PhaseWindow[] = [{ kind: 'VOTING', startsAt: new Date('2026-04-01'), endsAt: null }];
const proposing: PhaseWindow[] = [
  { kind: 'PROPOSING', startsAt: new Date('2026-04-01'), endsAt: null },
];
const participant = { id: 'u1', role: 'PARTICIPANT' as const };

describe('assertCanVote', () => {
  it('lets a participant vote on a published proposal while voting is open', () => {
    expect(() => assertCanVote(participant, { status: 'PUBLISHED' }, voting, now)).not.toThrow();
    expect(() => assertCanVote(participant, { status: 'UNDER_REVIEW' }, voting, now)).not.toThrow();
  });

  it.each([
    [null, 'PUBLISHED', voting, 'SIGN_IN_REQUIRED'],
    [participant, 'PUBLISHED', proposing, 'VOTING_CLOSED'],
    [participant, 'SELECTED', voting, 'PROPOSAL_CLOSED_TO_VOTES'],
    [participant, 'WITHDRAWN', voting, 'PROPOSAL_CLOSED_TO_VOTES'],
    [participant, 'MERGED', voting, 'PROPOSAL_CLOSED_TO_VOTES'],
  ] as const)('refuses %p on a %s proposal → %s', (actor, status, phases, code) => {
    expect(() => assertCanVote(actor, { status }, phases, now)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

it('refuses votes on a proposal hidden by moderation, even for those who can still see it', () => {
  const hidden = { status: 'PUBLISHED' as const, hiddenAt: new Date('2026-04-20') };
  expect(() => assertCanVote(participant, hidden, voting, now)).toThrow(
    expect.objectContaining({ code: 'PROPOSAL_CLOSED_TO_VOTES' }),
  );
  expect(() =>
    assertCanVote(participant, { ...hidden, hiddenAt: null }, voting, now),
  ).not.toThrow();
});

describe('voteCounterDeltas', () => {
  it.each([
    [null, 'FOR', { votesFor: 1 }],
    ['FOR', 'FOR', {}],
    ['FOR', 'AGAINST', { votesFor: -1, votesAgainst: 1 }],
    ['NEUTRAL', null, { votesNeutral: -1 }],
    [null, null, {}],
  ] as const)('%p → %p gives %p', (previous, next, expected) => {
    expect(voteCounterDeltas(previous, next)).toEqual(expected);
  });

  it('names the counter of each value', () => {
    expect([counterFor('FOR'), counterFor('AGAINST'), counterFor('NEUTRAL')]).toEqual([
      'votesFor',
      'votesAgainst',
      'votesNeutral',
    ]);
  });
});
