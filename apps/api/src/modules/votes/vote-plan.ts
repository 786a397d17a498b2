import {
  type ActorType,
  counterFor,
  proposalScores,
  type VoteCounterField,
  voteCounterDeltas,
  type VoteValue,
} from '@passerelle/domain';

export type VoteCounters = Record<VoteCounterField, number>;
const ZERO: VoteCounters = { votesFor: 0, votesAgainst: 0, votesNeutral: 0 };

/** What a vote's writes are computed from: the proposal's totals and the voter's vote and collège. */
export interface VoteState extends VoteCounters {
  publishedAt: Date | null;
  createdAt: Date;
  /** The voter's collège now (null: no such account). */
  voterType: ActorType | null;
  /** The voter's vote on the proposal, and the collège it is counted in. */
  previous: VoteValue | null;
  previousType: ActorType | null;
}

/** The writes that take a vote from its state to its next value. */
export interface VotePlan {
  deltas: VoteCounters;
  /** Counter moves per collège: the old vote leaves its collège, the new one joins the voter's. */
  colleges: (VoteCounters & { actorType: ActorType })[];
  /** The domain's scores of the totals after the vote. */
  scores: ReturnType<typeof proposalScores>;
}

/**
 * The writes that take a participant's vote from `state` to `next` (null: retracted), computed
 * with the domain's counter and score functions; null when nothing changes (the same value in
 * the same collège, or no vote to retract), which makes castVote idempotent.
 */
export function planVote(state: VoteState, next: VoteValue | null): VotePlan | null {
  const { voterType, previous, previousType } = state;
  if (!voterType) throw new Error('Voter account missing');
  if (previous === next && (next === null || previousType === voterType)) return null;
  const colleges = new Map<ActorType, VoteCounters>();
  const move = (actorType: ActorType, value: VoteValue, delta: number) => {
    const counters = colleges.get(actorType) ?? { ...ZERO };
    counters[counterFor(value)] += delta;
    colleges.set(actorType, counters);
  };
  if (previous !== null && previousType) move(previousType, previous, -1);
  if (next !== null) move(voterType, next, 1);
  const deltas = { ...ZERO, ...voteCounterDeltas(previous, next) };
  const totals: VoteCounters = {
    votesFor: state.votesFor + deltas.votesFor,
    votesAgainst: state.votesAgainst + deltas.votesAgainst,
    votesNeutral: state.votesNeutral + deltas.votesNeutral,
  };
  return {
    deltas,
    colleges: [...colleges].map(([actorType, counters]) => ({ actorType, ...counters })),
    scores: proposalScores(totals, state.publishedAt ?? state.createdAt),
  };
}
