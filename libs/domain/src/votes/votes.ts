import { assertPhaseOpen, type PhaseWindow } from '../consultations/phases';
import { assertCan, type Actor } from '../permissions/can';
import { type ProposalStatus, type VoteValue } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';

/** Statuses in which a proposal takes votes (while its consultation's VOTING phase is open). */
export const VOTABLE_STATUSES: readonly ProposalStatus[] = ['PUBLISHED', 'UNDER_REVIEW'];

/**
 * Who may cast, change or retract a vote on a proposal, and when: a signed-in participant,
 * during the VOTING phase, on a proposal still open to votes and not hidden by moderation.
 */
export function assertCanVote(
  actor: Actor,
  proposal: { status: ProposalStatus; hiddenAt?: Date | null },
  phases: readonly PhaseWindow[],
  now: Date,
): void {
  assertCan(actor, 'vote.cast');
  assertPhaseOpen(phases, 'VOTING', now);
  if (!VOTABLE_STATUSES.includes(proposal.status) || proposal.hiddenAt) {
    throw new DomainError(DomainErrorCode.PROPOSAL_CLOSED_TO_VOTES);
  }
}

export type VoteCounterField = 'votesFor' | 'votesAgainst' | 'votesNeutral';

const FIELD: Record<VoteValue, VoteCounterField> = {
  FOR: 'votesFor',
  AGAINST: 'votesAgainst',
  NEUTRAL: 'votesNeutral',
};

/** The counter a vote value is counted in. */
export function counterFor(value: VoteValue): VoteCounterField {
  return FIELD[value];
}

/**
 * The counter increments that take a participant's vote from `previous` to `next` (null: no
 * vote). Casting the same value again changes nothing, which makes castVote idempotent.
 */
export function voteCounterDeltas(
  previous: VoteValue | null,
  next: VoteValue | null,
): Partial<Record<VoteCounterField, number>> {
  if (previous === next) return {};
  const deltas: Partial<Record<VoteCounterField, number>> = {};
  if (previous) deltas[FIELD[previous]] = -1;
  if (next) deltas[FIELD[next]] = 1;
  return deltas;
}
