import { Injectable } from '@nestjs/common';
import { type TerritoryLevel } from '@passerelle/domain';
import { byKey, groupByKey } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma, type Territory as TerritoryRow } from '../../generated/prisma/client';

export type TerritoryRecord = Pick<
  TerritoryRow,
  'id' | 'level' | 'code' | 'name' | 'parentId' | 'population'
>;

const COLUMNS = {
  id: true,
  level: true,
  code: true,
  name: true,
  parentId: true,
  population: true,
} as const;

export interface TerritorySearch {
  /** LIKE pattern on `searchName` (already normalised and escaped). */
  namePattern: string;
  /** LIKE pattern for names that start with the search. */
  prefixPattern: string;
  /** Exact official code to match, upper-cased. */
  code: string;
  levels: TerritoryLevel[] | null;
  limit: number;
}

@Injectable()
export class TerritoriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findByIds(ids: readonly string[]): Promise<(TerritoryRecord | null)[]> {
    const rows = await this.prisma.territory.findMany({
      where: { id: { in: [...ids] } },
      select: COLUMNS,
    });
    return byKey(ids, rows, (row) => row.id);
  }

  /** The territories directly inside each parent, by name (DataLoader batch). */
  async findChildrenByParentIds(parentIds: readonly string[]): Promise<TerritoryRecord[][]> {
    const rows = await this.prisma.territory.findMany({
      where: { parentId: { in: [...parentIds] } },
      select: COLUMNS,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return groupByKey(parentIds, rows, (row) => row.parentId);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.prisma.territory.count({ where: { id } })) > 0;
  }

  /**
   * Autocomplete: exact code first, then communes, départements, régions (unless `levels` says
   * otherwise), names starting with the search before names containing it, bigger places first.
   */
  search(query: TerritorySearch): Promise<TerritoryRecord[]> {
    const levelFilter = query.levels?.length
      ? Prisma.sql`AND "level"::text IN (${Prisma.join(query.levels)})`
      : Prisma.empty;
    return this.prisma.$queryRaw<TerritoryRecord[]>`
      SELECT "id", "level", "code", "name", "parentId", "population"
      FROM "territories"
      WHERE ("searchName" LIKE ${query.namePattern} OR "code" = ${query.code}) ${levelFilter}
      ORDER BY ("code" = ${query.code}) DESC,
               CASE "level" WHEN 'COMMUNE' THEN 0 WHEN 'DEPARTEMENT' THEN 1 ELSE 2 END,
               ("searchName" LIKE ${query.prefixPattern}) DESC,
               "population" DESC NULLS LAST,
               "name" ASC
      LIMIT ${query.limit}`;
  }
}
