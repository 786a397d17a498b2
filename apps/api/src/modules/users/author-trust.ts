import { type Role } from '@passerelle/domain';
import { type Prisma } from '../../generated/prisma/client';

/** Whether a new contribution by this author waits for a moderator (pre-moderation). */
export type HoldRule = (author: { role: Role; trustedAt: Date | null }) => boolean;

/**
 * Pre-moderation for a new proposal or comment, inside its write transaction: reads the author's
 * trust, and either returns the columns that hold the contribution (hidden, awaiting review) or
 * marks the author trusted (first public contribution) and returns no extra column.
 */
export async function holdOrTrustAuthor(
  tx: Prisma.TransactionClient,
  authorId: string,
  holdFor: HoldRule,
  at: Date,
): Promise<{ awaitingReview?: true; hiddenAt?: Date }> {
  const author = await tx.user.findUniqueOrThrow({
    where: { id: authorId },
    select: { role: true, trustedAt: true },
  });
  if (holdFor(author)) return { awaitingReview: true, hiddenAt: at };
  if (author.trustedAt === null) {
    await tx.user.updateMany({ where: { id: authorId, trustedAt: null }, data: { trustedAt: at } });
  }
  return {};
}
