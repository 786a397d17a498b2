import { z } from 'zod';
import { isContentVisibleTo } from '../moderation/moderation';
import { assertCan, can, type Actor, type ConsultationModeration } from '../permissions/can';
import { type CoAuthorStatus, type ProposalStatus } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { id } from '../shared/schemas';
import { submitProposalInputSchema } from './proposal.schemas';
import { isPubliclyVisible } from './proposal-status';

/**
 * Statuses in which the author may still edit a proposal. Once moderators start reviewing it
 * (UNDER_REVIEW) the text they examine stays fixed; answered, merged and withdrawn proposals are
 * part of the record.
 */
export const EDITABLE_PROPOSAL_STATUSES: readonly ProposalStatus[] = ['DRAFT', 'PUBLISHED'];

/** What the editing rules need to know about a proposal. */
export interface EditableProposal {
  authorId: string;
  status: ProposalStatus;
  /** Accepted co-authors (issue 11): they edit as the author does. */
  coAuthorIds?: readonly string[];
}

/**
 * Who reads a proposal: anyone when it is public; its author, and the people it invited to
 * co-write it (invited, to answer, or accepted), when it is not (a draft, a withdrawn one) —
 * `coAuthorStatus` is the reader's own; hidden ones only as `isContentVisibleTo` allows.
 */
export function canReadProposal(
  actor: Actor,
  proposal: { status: ProposalStatus; authorId: string; hiddenAt: Date | null },
  coAuthorStatus: CoAuthorStatus | null = null,
  moderation?: ConsultationModeration,
): boolean {
  const isListed =
    isPubliclyVisible(proposal.status) ||
    (actor !== null &&
      (actor.id === proposal.authorId ||
        coAuthorStatus === 'INVITED' ||
        coAuthorStatus === 'ACCEPTED'));
  return isListed && isContentVisibleTo(actor, proposal, moderation);
}

/** The author, or one of the accepted co-authors. */
function mayEdit(actor: Actor, proposal: EditableProposal): boolean {
  return (
    can(actor, 'proposal.edit', { ownerId: proposal.authorId }) ||
    (actor !== null && (proposal.coAuthorIds ?? []).includes(actor.id))
  );
}

/** Whether `actor` may edit the proposal now: its author or a co-author, while the status allows edits. */
export function canEditProposal(actor: Actor, proposal: EditableProposal): boolean {
  return mayEdit(actor, proposal) && EDITABLE_PROPOSAL_STATUSES.includes(proposal.status);
}

/**
 * Throws SIGN_IN_REQUIRED (anonymous), NOT_ALLOWED (neither the author nor a co-author) or
 * PROPOSAL_NOT_EDITABLE (the status no longer allows edits).
 */
export function assertCanEditProposal(actor: Actor, proposal: EditableProposal): void {
  if (!mayEdit(actor, proposal)) assertCan(actor, 'proposal.edit', { ownerId: proposal.authorId });
  if (!EDITABLE_PROPOSAL_STATUSES.includes(proposal.status)) {
    throw new DomainError(DomainErrorCode.PROPOSAL_NOT_EDITABLE);
  }
}

/**
 * Only the proposal's author invites co-authors, while it can be edited, and never themself
 * (COAUTHOR_ALREADY: they are its author already).
 */
export function assertCanInviteCoAuthor(
  actor: Actor,
  proposal: EditableProposal,
  inviteeId: string,
): void {
  assertCan(actor, 'proposal.edit', { ownerId: proposal.authorId });
  if (!EDITABLE_PROPOSAL_STATUSES.includes(proposal.status)) {
    throw new DomainError(DomainErrorCode.PROPOSAL_NOT_EDITABLE);
  }
  if (inviteeId === proposal.authorId) throw new DomainError(DomainErrorCode.COAUTHOR_ALREADY);
}

/** The author while the proposal is editable (what the page offers). */
export function canInviteCoAuthors(actor: Actor, proposal: EditableProposal): boolean {
  return (
    can(actor, 'proposal.edit', { ownerId: proposal.authorId }) &&
    EDITABLE_PROPOSAL_STATUSES.includes(proposal.status)
  );
}

/** Optimistic concurrency: the edit was made on the current version, or STALE_VERSION. */
export function assertCurrentVersion(expectedVersion: number, currentVersion: number): void {
  if (expectedVersion !== currentVersion) throw new DomainError(DomainErrorCode.STALE_VERSION);
}

/** An edit: the submitted fields (consultation and organisation stay), plus the version edited. */
export const updateProposalInputSchema = submitProposalInputSchema
  .omit({ consultationId: true, organisationId: true, asDraft: true })
  .extend({ proposalId: id(), expectedVersion: z.number().int().min(1) });
export type UpdateProposalInput = z.infer<typeof updateProposalInputSchema>;

export const WITHDRAWAL_REASON_MAX = 1_000;

/** Publishing a draft: its author names it. */
export const publishProposalInputSchema = z.strictObject({ proposalId: id() });
export type PublishProposalInput = z.infer<typeof publishProposalInputSchema>;

export const withdrawProposalInputSchema = z.strictObject({
  proposalId: id(),
  reason: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z.string().trim().max(WITHDRAWAL_REASON_MAX).nullable().optional(),
  ),
});
export type WithdrawProposalInput = z.infer<typeof withdrawProposalInputSchema>;

/** Shortest title worth looking for duplicates of: 3 words, or 10 characters. */
export const SIMILAR_TITLE_MIN_WORDS = 3;
export const SIMILAR_TITLE_MIN_LENGTH = 10;

/**
 * Whether a title being typed is long enough to look for similar proposals: fewer words would
 * match half the platform.
 */
export function isTitleLongEnoughForSimilarity(title: string): boolean {
  const trimmed = title.trim();
  const words = trimmed.split(/\s+/u).filter((word) => word.length > 0);
  return words.length >= SIMILAR_TITLE_MIN_WORDS || trimmed.length >= SIMILAR_TITLE_MIN_LENGTH;
}
