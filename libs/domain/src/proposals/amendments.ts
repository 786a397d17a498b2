import { z } from 'zod';
import { openPhases, type PhaseWindow } from '../consultations/phases';
import {
  canModerateConsultation,
  type Actor,
  type ConsultationModeration,
} from '../permissions/can';
import {
  AmendmentVoteValue,
  membersOf,
  type AmendmentStatus,
  type CoAuthorStatus,
  type PhaseKind,
  type ProposalStatus,
} from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, text } from '../shared/schemas';
import { type DiffPart, hasTextChanges, wordDiff } from '../shared/word-diff';
import { PROPOSAL_LIMITS } from './proposal.schemas';

/**
 * Amendments and co-authoring (issue 11): a participant proposes a changed title, summary or body
 * of a published proposal, with a reason, against one revision of it; participants vote for or
 * against it while it is open; the proposal's author — or a moderator, giving a reason — accepts
 * it as a new revision credited to both, or rejects it. An amendment written against an older
 * revision is accepted only once its author has rebased it: nothing is overwritten silently.
 */

/** The texts an amendment may change. */
export interface AmendableTexts {
  title: string;
  summary: string;
  body: string;
}
export type AmendableField = keyof AmendableTexts;
export const AMENDABLE_FIELDS: readonly AmendableField[] = ['title', 'summary', 'body'];

export const AMENDMENT_LIMITS = {
  reasonMin: 10,
  reasonMax: 2_000,
  decisionReasonMax: 1_000,
} as const;

/** Accepted co-authors and pending invitations of one proposal, together. */
export const COAUTHORS_MAX = 10;

/** Statuses that take a place among the COAUTHORS_MAX (a declined invitation does not). */
export const COAUTHOR_SEAT_STATUSES: readonly CoAuthorStatus[] = ['INVITED', 'ACCEPTED'];

/** Statuses in which a proposal takes amendments and votes on them. */
export const AMENDABLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['PUBLISHED'];

/**
 * Phases of its consultation during which a proposal takes new amendments and votes on them: the
 * debate's (proposing, voting). Pending amendments are still decided, rebased or withdrawn after.
 */
export const AMENDING_PHASES: readonly PhaseKind[] = ['PROPOSING', 'VOTING'];

/** Whether one of the consultation's amending phases is open at `now`. */
export function isAmendingPhaseOpen(phases: readonly PhaseWindow[], now: Date): boolean {
  const open = openPhases(phases, now);
  return AMENDING_PHASES.some((kind) => open.includes(kind));
}

const L = PROPOSAL_LIMITS;
const amendedTexts = {
  title: text(L.titleMin, L.titleMax),
  summary: text(L.summaryMin, L.summaryMax),
  body: text(L.bodyMin, L.bodyMax),
};
const reason = text(AMENDMENT_LIMITS.reasonMin, AMENDMENT_LIMITS.reasonMax);
/** Blank is no reason: the decision rule says whether one is required. */
const optionalReason = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z.string().trim().max(max).nullable().optional(),
  );

export const proposeAmendmentInputSchema = z.strictObject({
  proposalId: id(),
  ...amendedTexts,
  reason,
});
export type ProposeAmendmentInput = z.infer<typeof proposeAmendmentInputSchema>;

export const voteOnAmendmentInputSchema = z.strictObject({
  amendmentId: id(),
  /** Null or absent withdraws the viewer's vote. */
  value: z.enum(membersOf(AmendmentVoteValue)).nullish(),
});
export type VoteOnAmendmentInput = z.infer<typeof voteOnAmendmentInputSchema>;

export const decideAmendmentInputSchema = z.strictObject({
  amendmentId: id(),
  /** The amendment's version the decider read: a rebase in between gives STALE_VERSION. */
  expectedVersion: z.number().int().min(1),
  reason: optionalReason(AMENDMENT_LIMITS.decisionReasonMax),
  /** On acceptance: invite the amendment's author to co-author the proposal. */
  inviteAuthorAsCoAuthor: z.boolean().nullish(),
});
export type DecideAmendmentInput = z.infer<typeof decideAmendmentInputSchema>;

export const rebaseAmendmentInputSchema = z.strictObject({
  amendmentId: id(),
  expectedVersion: z.number().int().min(1),
  ...amendedTexts,
  /** Absent or null keeps the reason given first. */
  reason: reason.nullish(),
});
export type RebaseAmendmentInput = z.infer<typeof rebaseAmendmentInputSchema>;

export const withdrawAmendmentInputSchema = z.strictObject({ amendmentId: id() });
export type WithdrawAmendmentInput = z.infer<typeof withdrawAmendmentInputSchema>;

export const inviteCoAuthorInputSchema = z.strictObject({ proposalId: id(), userId: id() });
export type InviteCoAuthorInput = z.infer<typeof inviteCoAuthorInputSchema>;

export const answerCoAuthorInvitationInputSchema = z.strictObject({
  proposalId: id(),
  accept: z.boolean(),
});
export type AnswerCoAuthorInvitationInput = z.infer<typeof answerCoAuthorInvitationInputSchema>;

export const removeCoAuthorInputSchema = z.strictObject({ proposalId: id(), userId: id() });
export type RemoveCoAuthorInput = z.infer<typeof removeCoAuthorInputSchema>;

/** What the amendment rules need to know about a proposal. */
export interface AmendedProposal {
  authorId: string;
  status: ProposalStatus;
  hiddenAt: Date | null;
  version: number;
  /** Accepted co-authors. */
  coAuthorIds: readonly string[];
  /** Whether an amending phase of its consultation is open now (isAmendingPhaseOpen). */
  amendingPhaseOpen: boolean;
}

/** What the rules need to know about an amendment. */
export interface AmendmentState {
  authorId: string;
  status: AmendmentStatus;
  baseVersion: number;
  version: number;
  /** Hidden by moderation: neither voted on nor decided until restored (its author may revise it). */
  hiddenAt?: Date | null;
}

const isHidden = (amendment: Pick<AmendmentState, 'hiddenAt'>) =>
  amendment.hiddenAt !== undefined && amendment.hiddenAt !== null;

/** The proposal's author or one of its accepted co-authors. */
export function isProposalAuthor(
  actor: Actor,
  proposal: Pick<AmendedProposal, 'authorId' | 'coAuthorIds'>,
) {
  return (
    actor !== null && (actor.id === proposal.authorId || proposal.coAuthorIds.includes(actor.id))
  );
}

/** Whether the proposal takes amendments and votes on them now. */
export function isOpenToAmendments(
  proposal: Pick<AmendedProposal, 'status' | 'hiddenAt'>,
): boolean {
  return AMENDABLE_PROPOSAL_STATUSES.includes(proposal.status) && proposal.hiddenAt === null;
}

function signedIn(actor: Actor, lang: Language): asserts actor is NonNullable<Actor> {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
}

/**
 * Whether the proposal takes new amendments and votes on them now: open to amendments, during an
 * amending phase of its consultation (Proposal.amendmentsOpen).
 */
export function takesAmendments(proposal: AmendedProposal): boolean {
  return isOpenToAmendments(proposal) && proposal.amendingPhaseOpen;
}

/** Whether `actor` may propose an amendment: signed in, not an author of it, proposal open. */
export function canAmend(actor: Actor, proposal: AmendedProposal): boolean {
  return actor !== null && !isProposalAuthor(actor, proposal) && takesAmendments(proposal);
}

/**
 * SIGN_IN_REQUIRED, OWN_PROPOSAL_AMENDMENT (authors edit directly), AMENDMENT_CLOSED (the
 * proposal) or AMENDING_CLOSED (the consultation's debate is over).
 */
export function assertCanAmend(
  actor: Actor,
  proposal: AmendedProposal,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  signedIn(actor, lang);
  if (isProposalAuthor(actor, proposal)) {
    throw new DomainError(DomainErrorCode.OWN_PROPOSAL_AMENDMENT, undefined, lang);
  }
  if (!isOpenToAmendments(proposal)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
  }
  assertAmendingPhase(proposal, lang);
}

function assertAmendingPhase(proposal: AmendedProposal, lang: Language): void {
  if (!proposal.amendingPhaseOpen) {
    throw new DomainError(DomainErrorCode.AMENDING_CLOSED, undefined, lang);
  }
}

/** Whether the amendment still takes votes, rebases, withdrawal and decisions. */
export function isAmendmentOpen(
  amendment: Pick<AmendmentState, 'status'>,
  proposal: AmendedProposal,
) {
  return amendment.status === 'PENDING' && isOpenToAmendments(proposal);
}

/** Signed in, not its author, amendment (not hidden) and proposal open, during an amending phase. */
export function canVoteOnAmendment(
  actor: Actor,
  amendment: AmendmentState,
  proposal: AmendedProposal,
): boolean {
  return (
    actor !== null &&
    actor.id !== amendment.authorId &&
    amendment.status === 'PENDING' &&
    !isHidden(amendment) &&
    takesAmendments(proposal)
  );
}

/** SIGN_IN_REQUIRED, OWN_AMENDMENT_VOTE, AMENDMENT_CLOSED, AMENDMENT_HIDDEN or AMENDING_CLOSED. */
export function assertCanVoteOnAmendment(
  actor: Actor,
  amendment: AmendmentState,
  proposal: AmendedProposal,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  signedIn(actor, lang);
  if (actor.id === amendment.authorId) {
    throw new DomainError(DomainErrorCode.OWN_AMENDMENT_VOTE, undefined, lang);
  }
  if (!isAmendmentOpen(amendment, proposal)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
  }
  assertNotHidden(amendment, lang);
  assertAmendingPhase(proposal, lang);
}

function assertNotHidden(amendment: AmendmentState, lang: Language): void {
  if (isHidden(amendment)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_HIDDEN, undefined, lang);
  }
}

/**
 * Who decides an amendment: the proposal's author (not its co-authors), or whoever moderates its
 * consultation (platform moderators and administrators, its local moderators).
 */
export function canDecideAmendment(
  actor: Actor,
  proposal: AmendedProposal,
  moderation: ConsultationModeration,
): boolean {
  return (
    actor !== null && (actor.id === proposal.authorId || canModerateConsultation(actor, moderation))
  );
}

/**
 * SIGN_IN_REQUIRED, NOT_ALLOWED (co-authors, the amendment's author — a moderator too — and
 * everyone else),
 * AMENDMENT_CLOSED, AMENDMENT_HIDDEN (hidden by moderation: restored first), STALE_VERSION
 * (rebased since the decider read it), and
 * DECISION_REASON_REQUIRED when a moderator decides in the author's place without a reason.
 */
export function assertCanDecideAmendment(
  actor: Actor,
  amendment: AmendmentState,
  proposal: AmendedProposal,
  decision: { moderation: ConsultationModeration; expectedVersion: number; reason?: string | null },
  lang: Language = DEFAULT_LANGUAGE,
): void {
  signedIn(actor, lang);
  // Never one's own amendment, whatever one's role: a moderator would accept it and be invited.
  if (
    actor.id === amendment.authorId ||
    !canDecideAmendment(actor, proposal, decision.moderation)
  ) {
    throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
  }
  if (!isAmendmentOpen(amendment, proposal)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
  }
  assertNotHidden(amendment, lang);
  if (decision.expectedVersion !== amendment.version) {
    throw new DomainError(DomainErrorCode.STALE_VERSION, undefined, lang);
  }
  if (actor.id !== proposal.authorId && !decision.reason) {
    throw new DomainError(DomainErrorCode.DECISION_REASON_REQUIRED, undefined, lang);
  }
}

/** Whether the amendment was written against the proposal's current revision. */
export function isAmendmentCurrent(
  amendment: Pick<AmendmentState, 'baseVersion'>,
  proposal: Pick<AmendedProposal, 'version'>,
) {
  return amendment.baseVersion === proposal.version;
}

/** AMENDMENT_OUTDATED unless written against the current revision: it must be rebased first. */
export function assertAmendmentCurrent(
  amendment: Pick<AmendmentState, 'baseVersion'>,
  proposal: Pick<AmendedProposal, 'version'>,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (!isAmendmentCurrent(amendment, proposal)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_OUTDATED, undefined, lang);
  }
}

/** Only the amendment's author rebases or withdraws it, while it is open; STALE_VERSION on a stale read. */
export function assertCanReviseAmendment(
  actor: Actor,
  amendment: AmendmentState,
  proposal: AmendedProposal,
  expectedVersion: number | null,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  signedIn(actor, lang);
  if (actor.id !== amendment.authorId) {
    throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
  }
  if (!isAmendmentOpen(amendment, proposal)) {
    throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
  }
  if (expectedVersion !== null && expectedVersion !== amendment.version) {
    throw new DomainError(DomainErrorCode.STALE_VERSION, undefined, lang);
  }
}

/** The word-level changes of an amendment against the revision it was written on. */
export interface AmendmentDiff {
  title: DiffPart[];
  summary: DiffPart[];
  body: DiffPart[];
  changedFields: AmendableField[];
}

/**
 * Canonical Unicode form: a letter typed with a combining accent (e + ◌́) and the precomposed
 * letter (é) are the same text, so neither a comparison nor a diff sees a change between them.
 */
const canonical = (value: string) => value.normalize('NFC');

/** The fields whose text differs (after canonical Unicode normalisation and trimming). */
export function amendedFields(base: AmendableTexts, proposed: AmendableTexts): AmendableField[] {
  return AMENDABLE_FIELDS.filter(
    (field) => canonical(base[field].trim()) !== canonical(proposed[field].trim()),
  );
}

/** AMENDMENT_UNCHANGED when the proposed texts equal the base revision's. */
export function assertAmendmentChanges(
  base: AmendableTexts,
  proposed: AmendableTexts,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (amendedFields(base, proposed).length === 0) {
    throw new DomainError(DomainErrorCode.AMENDMENT_UNCHANGED, undefined, lang);
  }
}

/** Word diff of each field (French word rules, canonical Unicode), and which fields change. */
export function amendmentDiff(base: AmendableTexts, proposed: AmendableTexts): AmendmentDiff {
  const diff = (field: AmendableField) =>
    wordDiff(canonical(base[field]), canonical(proposed[field]));
  const title = diff('title');
  const summary = diff('summary');
  const body = diff('body');
  return {
    title,
    summary,
    body,
    changedFields: AMENDABLE_FIELDS.filter((field) =>
      hasTextChanges({ title, summary, body }[field]),
    ),
  };
}

/** A rebase's starting point, field by field, and the fields both sides changed. */
export interface RebasedTexts {
  texts: AmendableTexts;
  conflicts: AmendableField[];
}

/**
 * Field-level three-way merge of an outdated amendment onto the proposal's current revision: a
 * field the amendment left alone takes the current text; a field only the amendment changed keeps
 * the amendment's; a field both changed differently is a conflict, offered with the amendment's
 * text for its author to reconcile. Nothing is applied without the author's rebase.
 */
export function rebaseTexts(
  base: AmendableTexts,
  current: AmendableTexts,
  proposed: AmendableTexts,
): RebasedTexts {
  const same = (a: string, b: string) => canonical(a.trim()) === canonical(b.trim());
  const texts = { ...current };
  const conflicts: AmendableField[] = [];
  for (const field of AMENDABLE_FIELDS) {
    if (same(proposed[field], base[field])) continue;
    texts[field] = proposed[field];
    if (!same(current[field], base[field]) && !same(current[field], proposed[field])) {
      conflicts.push(field);
    }
  }
  return { texts, conflicts };
}

/** Accepted co-authors and pending invitations stay within COAUTHORS_MAX. */
export function assertCoAuthorRoom(count: number, lang: Language = DEFAULT_LANGUAGE): void {
  if (count >= COAUTHORS_MAX)
    throw new DomainError(DomainErrorCode.COAUTHOR_LIMIT, undefined, lang);
}
