import { Injectable } from '@nestjs/common';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Organisation as OrganisationRow } from '../../generated/prisma/client';

export type OrganisationRecord = Pick<OrganisationRow, 'id' | 'name' | 'actorType' | 'territoryId'>;

const COLUMNS = { id: true, name: true, actorType: true, territoryId: true } as const;

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findByIds(ids: readonly string[]): Promise<(OrganisationRecord | null)[]> {
    const rows = await this.prisma.organisation.findMany({
      where: { id: { in: [...ids] } },
      select: COLUMNS,
    });
    return byKey(ids, rows, (row) => row.id);
  }

  /** The organisations each user belongs to, in key order (for DataLoader). */
  async findByMemberIds(userIds: readonly string[]): Promise<OrganisationRecord[][]> {
    const memberships = await this.prisma.organisationMembership.findMany({
      where: { userId: { in: [...userIds] } },
      select: { userId: true, organisation: { select: COLUMNS } },
      orderBy: { organisation: { name: 'asc' } },
    });
    return groupByKey(userIds, memberships, (m) => m.userId).map((list) =>
      list.map((m) => m.organisation),
    );
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.organisation.count({ where: { id } })) > 0;
  }

  async isMember(userId: string, organisationId: string): Promise<boolean> {
    const membership = await this.prisma.organisationMembership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { userId: true },
    });
    return membership !== null;
  }
}
