import { type Actor } from '../permissions/can';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { type ProposalStatus, type Role } from '../shared/enums';

type Party = 'author' | 'moderator' | 'curator';

interface Transition {
  from: ProposalStatus | null;
  to: ProposalStatus;
  by: readonly Party[];
  requiresReason?: boolean;
}

/**
 * The proposal life cycle. `from: null` is creation. WITHDRAWN and RETAINED are final;
 * MERGED can be undone by a moderator (a merge never destroys anything).
 */
export const PROPOSAL_TRANSITIONS: readonly Transition[] = [
  { from: null, to: 'DRAFT', by: ['author'] },
  { from: null, to: 'PUBLISHED', by: ['author'] },
  { from: 'DRAFT', to: 'PUBLISHED', by: ['author'] },
  { from: 'DRAFT', to: 'WITHDRAWN', by: ['author'] },
  { from: 'PUBLISHED', to: 'UNDER_REVIEW', by: ['moderator'] },
  { from: 'PUBLISHED', to: 'SELECTED', by: ['moderator'], requiresReason: true },
  { from: 'PUBLISHED', to: 'NOT_RETAINED', by: ['moderator'], requiresReason: true },
  { from: 'PUBLISHED', to: 'WITHDRAWN', by: ['author'] },
  { from: 'PUBLISHED', to: 'MERGED', by: ['moderator'], requiresReason: true },
  { from: 'PUBLISHED', to: 'RETAINED', by: ['curator'] },
  { from: 'UNDER_REVIEW', to: 'SELECTED', by: ['moderator'], requiresReason: true },
  { from: 'UNDER_REVIEW', to: 'NOT_RETAINED', by: ['moderator'], requiresReason: true },
  { from: 'UNDER_REVIEW', to: 'WITHDRAWN', by: ['author'] },
  { from: 'UNDER_REVIEW', to: 'MERGED', by: ['moderator'], requiresReason: true },
  { from: 'UNDER_REVIEW', to: 'RETAINED', by: ['curator'] },
  { from: 'SELECTED', to: 'RETAINED', by: ['curator'] },
  { from: 'SELECTED', to: 'UNDER_REVIEW', by: ['moderator'], requiresReason: true },
  { from: 'NOT_RETAINED', to: 'UNDER_REVIEW', by: ['moderator'], requiresReason: true },
  { from: 'MERGED', to: 'PUBLISHED', by: ['moderator'], requiresReason: true },
];

/** Statuses a visitor may see in lists and on proposal pages. */
export const PUBLIC_PROPOSAL_STATUSES: readonly ProposalStatus[] = [
  'PUBLISHED',
  'UNDER_REVIEW',
  'SELECTED',
  'NOT_RETAINED',
  'MERGED',
  'RETAINED',
];

export function isPubliclyVisible(status: ProposalStatus): boolean {
  return PUBLIC_PROPOSAL_STATUSES.includes(status);
}

/**
 * Statuses listed by default: the public ones except MERGED. A merged proposal stays readable on
 * its page (it is public) but lists show its cluster's lead instead, unless asked for by status.
 */
export const LISTED_PROPOSAL_STATUSES: readonly ProposalStatus[] = PUBLIC_PROPOSAL_STATUSES.filter(
  (status) => status !== 'MERGED',
);

/**
 * Lists count their matches exactly up to this many; beyond it they say "more than" (issue 9:
 * an exact count of a common word's matches, or of two million proposals, takes seconds).
 */
export const PROPOSAL_COUNT_CAP = 10_000;

/** What a list says of its size, from a count of at most `cap + 1` matches (more is fine). */
export interface CappedCount {
  /** The exact number of matches, or `cap` when there are more. */
  totalCount: number;
  /** True when more proposals match than `totalCount` says. */
  isCapped: boolean;
}

/** `matched` (a count that may stop past the cap) as a list shows it. */
export function capCount(matched: number, cap: number = PROPOSAL_COUNT_CAP): CappedCount {
  return matched > cap
    ? { totalCount: cap, isCapped: true }
    : { totalCount: matched, isCapped: false };
}

const PARTY_ROLES: Record<Exclude<Party, 'author'>, readonly Role[]> = {
  moderator: ['MODERATOR', 'ADMIN'],
  curator: ['CURATOR', 'ADMIN'],
};

function actsAs(party: Party, actor: NonNullable<Actor>, isAuthor: boolean): boolean {
  return party === 'author' ? isAuthor : PARTY_ROLES[party].includes(actor.role);
}

function findTransition(from: ProposalStatus | null, to: ProposalStatus): Transition | undefined {
  return PROPOSAL_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** Whether `actor` may move a proposal from `from` to `to` (ignoring the reason). */
export function canTransitionProposal(
  from: ProposalStatus | null,
  to: ProposalStatus,
  actor: Actor,
  context: { isAuthor: boolean },
): boolean {
  const transition = findTransition(from, to);
  return (
    !!transition &&
    actor !== null &&
    transition.by.some((party) => actsAs(party, actor, context.isAuthor))
  );
}

/** A status change, recorded with who made it, when and why. */
export interface ProposalStatusChange {
  from: ProposalStatus | null;
  to: ProposalStatus;
  actorId: string;
  reason: string | null;
  at: Date;
}

/**
 * Applies the state machine: returns the change to record, or throws ILLEGAL_TRANSITION (no such
 * edge), SIGN_IN_REQUIRED / NOT_ALLOWED (wrong party) or REASON_REQUIRED.
 */
export function transitionProposal(input: {
  from: ProposalStatus | null;
  to: ProposalStatus;
  actor: Actor;
  isAuthor: boolean;
  reason?: string | null;
  at: Date;
}): ProposalStatusChange {
  const transition = findTransition(input.from, input.to);
  if (!transition) throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION);
  if (input.actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
  if (!canTransitionProposal(input.from, input.to, input.actor, { isAuthor: input.isAuthor })) {
    throw new DomainError(DomainErrorCode.NOT_ALLOWED);
  }
  const reason = input.reason?.trim() || null;
  if (transition.requiresReason && !reason) throw new DomainError(DomainErrorCode.REASON_REQUIRED);
  return { from: input.from, to: input.to, actorId: input.actor.id, reason, at: input.at };
}
