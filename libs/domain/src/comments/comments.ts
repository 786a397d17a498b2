import { z } from 'zod';
import { openPhases, type PhaseWindow } from '../consultations/phases';
import { assertCan, type Actor } from '../permissions/can';
import { isPubliclyVisible } from '../proposals/proposal-status';
import { CommentStance, membersOf, type PhaseKind, type ProposalStatus } from '../shared/enums';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, text } from '../shared/schemas';

export const COMMENT_LIMITS = { bodyMin: 2, bodyMax: 5_000 } as const;

const body = () => text(COMMENT_LIMITS.bodyMin, COMMENT_LIMITS.bodyMax);
const stance = () => z.enum(membersOf(CommentStance));

export const addCommentInputSchema = z.strictObject({
  proposalId: id(),
  parentId: id().nullable().optional(),
  body: body(),
  stance: stance().nullable().optional(),
});
export type AddCommentInput = z.infer<typeof addCommentInputSchema>;

export const editCommentInputSchema = z.strictObject({
  commentId: id(),
  body: body(),
  stance: stance().nullable().optional(),
});
export type EditCommentInput = z.infer<typeof editCommentInputSchema>;

/** Phases during which a consultation takes comments: any but CLOSED. */
export const COMMENTING_PHASES: readonly PhaseKind[] = ['PROPOSING', 'VOTING', 'CURATING'];

/**
 * Who may comment on a proposal, and when: a signed-in participant, on a public proposal, while
 * one of the consultation's PROPOSING, VOTING or CURATING phases is open.
 */
export function assertCanComment(
  actor: Actor,
  proposal: { status: ProposalStatus },
  phases: readonly PhaseWindow[],
  now: Date,
): void {
  assertCan(actor, 'comment.create');
  if (!isPubliclyVisible(proposal.status)) {
    throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND);
  }
  const open = openPhases(phases, now);
  if (!COMMENTING_PHASES.some((kind) => open.includes(kind))) {
    throw new DomainError(DomainErrorCode.COMMENTING_CLOSED);
  }
}

const SAME_PROPOSAL: Record<Language, string> = {
  fr: 'Répondez à un commentaire de cette même proposition.',
  en: 'Reply to a comment of this same proposal.',
};

/** A reply belongs to the proposal of its parent, and a deleted comment takes no replies. */
export function assertCanReply(
  parent: { proposalId: string; deletedAt: Date | null },
  proposalId: string,
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (parent.proposalId !== proposalId) {
    const message = SAME_PROPOSAL[lang];
    throw new DomainError(
      DomainErrorCode.INVALID_INPUT,
      [{ field: 'parentId', rule: 'sameProposal', message }],
      lang,
    );
  }
  if (parent.deletedAt) throw new DomainError(DomainErrorCode.COMMENT_DELETED, undefined, lang);
}

/** Only its author edits or deletes a comment (moderators come later), and never once deleted. */
export function assertCanChangeComment(
  actor: Actor,
  comment: { authorId: string; deletedAt: Date | null },
): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
  if (comment.authorId !== actor.id) throw new DomainError(DomainErrorCode.NOT_ALLOWED);
  if (comment.deletedAt) throw new DomainError(DomainErrorCode.COMMENT_DELETED);
}

/** One upvote per participant, never on one's own comment nor on a deleted one. */
export function assertCanUpvoteComment(
  actor: Actor,
  comment: { authorId: string; deletedAt: Date | null },
): void {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
  if (comment.authorId === actor.id) throw new DomainError(DomainErrorCode.OWN_COMMENT_UPVOTE);
  if (comment.deletedAt) throw new DomainError(DomainErrorCode.COMMENT_DELETED);
}
