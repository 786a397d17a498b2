import { Injectable } from '@nestjs/common';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type Theme as ThemeRow } from '../../generated/prisma/client';

export type ThemeRecord = ThemeRow;

@Injectable()
export class ThemesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(): Promise<ThemeRecord[]> {
    return this.prisma.theme.findMany({ orderBy: [{ position: 'asc' }, { slug: 'asc' }] });
  }

  async findByIds(ids: readonly string[]): Promise<(ThemeRecord | null)[]> {
    const rows = await this.prisma.theme.findMany({ where: { id: { in: [...ids] } } });
    return byKey(ids, rows, (row) => row.id);
  }

  /** The themes of each proposal, in key order (for DataLoader). */
  async findByProposalIds(proposalIds: readonly string[]): Promise<ThemeRecord[][]> {
    const links = await this.prisma.proposalTheme.findMany({
      where: { proposalId: { in: [...proposalIds] } },
      include: { theme: true },
      orderBy: { theme: { position: 'asc' } },
    });
    return groupByKey(proposalIds, links, (link) => link.proposalId).map((list) =>
      list.map((link) => link.theme),
    );
  }

  /** The themes of each consultation, in key order (for DataLoader). */
  async findByConsultationIds(consultationIds: readonly string[]): Promise<ThemeRecord[][]> {
    const links = await this.prisma.consultationTheme.findMany({
      where: { consultationId: { in: [...consultationIds] } },
      include: { theme: true },
      orderBy: { theme: { position: 'asc' } },
    });
    return groupByKey(consultationIds, links, (link) => link.consultationId).map((list) =>
      list.map((link) => link.theme),
    );
  }
}
