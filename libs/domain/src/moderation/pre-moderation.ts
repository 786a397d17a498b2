import { type Role } from '../shared/enums';

/**
 * Whether a new proposal or comment waits for a moderator: in a consultation with
 * pre-moderation, the contributions of participants who have never had one published.
 * Moderators, curators and administrators are never held.
 */
export function shouldHoldForReview(
  settings: { preModeration: boolean },
  author: { role: Role; trustedAt: Date | null },
): boolean {
  return settings.preModeration && author.role === 'PARTICIPANT' && author.trustedAt === null;
}
