import { z } from 'zod';
import { type ProposalStatus } from '../shared/enums';
import { id, text } from '../shared/schemas';

/** The statuses a moderator gives a proposal when answering it officially. */
export const ANSWER_STATUSES = ['UNDER_REVIEW', 'SELECTED', 'NOT_RETAINED'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const ANSWER_LIMITS = { answerMin: 10, answerMax: 5_000 } as const;

export function isAnswerStatus(status: ProposalStatus | null): status is AnswerStatus {
  return (ANSWER_STATUSES as readonly (ProposalStatus | null)[]).includes(status);
}

/** An official answer: one of the answer statuses and a plain-text explanation. */
export const answerProposalInputSchema = z.strictObject({
  proposalId: id(),
  status: z.enum(ANSWER_STATUSES),
  answer: text(ANSWER_LIMITS.answerMin, ANSWER_LIMITS.answerMax),
});
export type AnswerProposalInput = z.infer<typeof answerProposalInputSchema>;

/**
 * The official answer shown on a proposal: the reason of the latest status change to an answer
 * status (changes oldest first, as stored), or null when the proposal was never answered.
 */
export function officialAnswerOf(
  changes: readonly { to: ProposalStatus; reason: string | null }[],
): string | null {
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    if (isAnswerStatus(changes[index].to)) return changes[index].reason;
  }
  return null;
}
