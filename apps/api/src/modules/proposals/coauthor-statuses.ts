import { type CoAuthorStatus } from '@passerelle/domain';
import { type PrismaService } from '../../common/prisma/prisma.service';

/**
 * One account's invitation or co-authorship on each proposal (null: none), in key order: what
 * `canReadProposal` needs of a reader (the co-author service, the notices' proposal links).
 */
export async function findCoAuthorStatuses(
  prisma: PrismaService,
  userId: string,
  proposalIds: readonly string[],
): Promise<(CoAuthorStatus | null)[]> {
  const rows = await prisma.proposalCoAuthor.findMany({
    where: { userId, proposalId: { in: [...proposalIds] } },
    select: { proposalId: true, status: true },
  });
  const statuses = new Map(rows.map((row) => [row.proposalId, row.status]));
  return proposalIds.map((id) => statuses.get(id) ?? null);
}
