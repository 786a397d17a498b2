import { Injectable } from '@nestjs/common';
import { type ActorType, type ExperimentStatus, type IndicatorKind } from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type ExperimentChange as ChangeRow, Prisma } from '../../generated/prisma/client';
import { type TerritoryRecord } from '../territories/territories.repository';
import { type ExperimentRecord } from './experiments.repository';

/** The registry's filters, validated (ids have their shape, the query is trimmed). */
export interface ExperimentListFilter {
  themeId?: string | null;
  territoryId?: string | null;
  actorType?: ActorType | null;
  indicatorKind?: IndicatorKind | null;
  status?: ExperimentStatus | null;
  query?: string | null;
}

/** A keyset position: (updatedAt, id) of the last row of the previous page. */
export interface ExperimentCursor {
  at: Date;
  id: string;
}

export type ExperimentChangeRecord = ChangeRow;

/** `%` and `_` typed by people are not wildcards. */
const likeEscape = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * The filter as SQL conditions on `e` (experiments). A territory matches the experiments with
 * a territory inside it: itself, its children (a département's communes, a région's
 * départements) or its grandchildren (a région's communes).
 */
function conditionsOf(filter: ExperimentListFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.themeId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "experiment_themes" x
      WHERE x."experimentId" = e."id" AND x."themeId" = ${filter.themeId}::uuid)`);
  }
  if (filter.territoryId) {
    const id = filter.territoryId;
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "experiment_territories" x
      JOIN "territories" t ON t."id" = x."territoryId"
      LEFT JOIN "territories" p ON p."id" = t."parentId"
      WHERE x."experimentId" = e."id" AND (t."id" = ${id} OR t."parentId" = ${id} OR p."parentId" = ${id}))`);
  }
  if (filter.actorType) {
    const type = filter.actorType;
    conditions.push(Prisma.sql`(EXISTS (SELECT 1 FROM "organisations" o
        WHERE o."id" = e."organisationId" AND o."actorType" = ${type}::"ActorType")
      OR EXISTS (SELECT 1 FROM "experiment_partners" x JOIN "organisations" o ON o."id" = x."organisationId"
        WHERE x."experimentId" = e."id" AND o."actorType" = ${type}::"ActorType"))`);
  }
  if (filter.indicatorKind) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "indicators" i
      WHERE i."experimentId" = e."id" AND i."kind" = ${filter.indicatorKind}::"IndicatorKind")`);
  }
  if (filter.status) {
    conditions.push(Prisma.sql`e."status" = ${filter.status}::"ExperimentStatus"`);
  }
  if (filter.query) {
    const pattern = `%${likeEscape(filter.query)}%`;
    conditions.push(Prisma.sql`unaccent(e."name") ILIKE unaccent(${pattern})`);
  }
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

/** The registry's reads: filtered pages, counts, the map's counts and the history. */
@Injectable()
export class ExperimentListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Up to `take` experiments after the cursor, most recently updated first. */
  page(
    filter: ExperimentListFilter,
    after: ExperimentCursor | null,
    take: number,
  ): Promise<ExperimentRecord[]> {
    const position = after
      ? Prisma.sql`AND (e."updatedAt", e."id") < (${after.at.toISOString()}::timestamp, ${after.id}::uuid)`
      : Prisma.empty;
    return this.prisma.$queryRaw<ExperimentRecord[]>`
      SELECT e.* FROM "experiments" e
      WHERE ${conditionsOf(filter)} ${position}
      ORDER BY e."updatedAt" DESC, e."id" DESC
      LIMIT ${take}`;
  }

  async count(filter: ExperimentListFilter): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "experiments" e WHERE ${conditionsOf(filter)}`;
    return rows[0]?.count ?? 0;
  }

  /**
   * Per département, the experiments matching the filter with a territory in it: the
   * département itself or one of its communes (each experiment counted once per département).
   */
  async countByDepartement(
    filter: ExperimentListFilter,
  ): Promise<{ departement: TerritoryRecord; count: number }[]> {
    const rows = await this.prisma.$queryRaw<(TerritoryRecord & { count: number })[]>`
      SELECT d."id", d."level", d."code", d."name", d."parentId", d."population",
        count(DISTINCT e."id")::int AS "count"
      FROM "experiments" e
      JOIN "experiment_territories" x ON x."experimentId" = e."id"
      JOIN "territories" t ON t."id" = x."territoryId"
      JOIN "territories" d ON d."level" = 'DEPARTEMENT'
        AND (d."id" = t."id" OR (t."level" = 'COMMUNE' AND d."id" = t."parentId"))
      WHERE ${conditionsOf(filter)}
      GROUP BY d."id"
      ORDER BY d."code"`;
    return rows.map(({ count, ...departement }) => ({ departement, count }));
  }

  /** Up to `take` changes of an experiment after the cursor, newest first. */
  history(
    experimentId: string,
    after: ExperimentCursor | null,
    take: number,
  ): Promise<ExperimentChangeRecord[]> {
    return this.prisma.experimentChange.findMany({
      where: {
        experimentId,
        ...(after
          ? {
              OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }],
            }
          : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    });
  }
}
