import { Injectable } from '@nestjs/common';
import { PUBLIC_PROPOSAL_STATUSES } from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { type ThemeRecord } from '../themes/themes.repository';
import { type CellCounts, type DashboardPeriod, MAX_PERIODS } from './dashboard-cells';

/** One row of the cell query: the totals, a collège, or a département (code null: unlocated). */
export interface DashboardCellRow extends CellCounts {
  kind: 'TOTAL' | 'COLLEGE' | 'DEPARTEMENT';
  actorType: string | null;
  code: string | null;
  name: string | null;
}

export interface DashboardPeriodRow extends CellCounts {
  periodStart: Date;
}

export type DashboardThemeRow = ThemeRecord & CellCounts;

export interface DashboardRows {
  cells: DashboardCellRow[];
  periods: DashboardPeriodRow[];
  themes: DashboardThemeRow[];
}

/** Periods are calendar days, ISO weeks (from Monday) and months of Paris time. */
const ZONE = Prisma.raw(`'Europe/Paris'`);

// Fixed SQL per enum value, never user text (and literals, so GROUP BY matches SELECT).
const UNIT: Record<DashboardPeriod, Prisma.Sql> = {
  DAY: Prisma.raw(`'day'`),
  WEEK: Prisma.raw(`'week'`),
  MONTH: Prisma.raw(`'month'`),
};
const STEP: Record<DashboardPeriod, Prisma.Sql> = {
  DAY: Prisma.raw(`interval '1 day'`),
  WEEK: Prisma.raw(`interval '1 week'`),
  MONTH: Prisma.raw(`interval '1 month'`),
};
const SPAN: Record<DashboardPeriod, Prisma.Sql> = {
  DAY: Prisma.raw(`interval '${MAX_PERIODS - 1} days'`),
  WEEK: Prisma.raw(`interval '${MAX_PERIODS - 1} weeks'`),
  MONTH: Prisma.raw(`interval '${MAX_PERIODS - 1} months'`),
};

/** Paris wall-clock time of a stored timestamp (columns hold UTC without a zone). */
const parisTime = (column: Prisma.Sql) =>
  Prisma.sql`(${column} AT TIME ZONE 'UTC' AT TIME ZONE ${ZONE})`;

// Each aggregate first groups the events by cell and participant (a hash aggregate, small
// output), then by cell: participants are the rows of a cell, without a COUNT(DISTINCT) sort
// over every event.
const PER_PARTICIPANT = Prisma.sql`e."userId", count(*) FILTER (WHERE e."kind" = 'P') AS "proposals",
  count(*) FILTER (WHERE e."kind" = 'V') AS "votes",
  count(*) FILTER (WHERE e."kind" = 'C') AS "comments"`;

// COALESCE: the totals row of GROUPING SETS exists even without any event.
const SUMS = Prisma.sql`COALESCE(sum(x."proposals"), 0)::int AS "proposals",
  COALESCE(sum(x."votes"), 0)::int AS "votes", COALESCE(sum(x."comments"), 0)::int AS "comments"`;

const COALESCED = Prisma.sql`COALESCE(a."proposals", 0)::int AS "proposals",
  COALESCE(a."votes", 0)::int AS "votes", COALESCE(a."comments", 0)::int AS "comments",
  COALESCE(a."participants", 0)::int AS "participants"`;

/**
 * The `events` CTE: one row per public proposal (kind P, at its publication), vote (V) and
 * comment (C) on a public proposal, with who acted, their collège and their département. Public
 * means a public status, not hidden, not awaiting review; comments also not hidden, deleted or
 * awaiting review. Proposals count under their author's collège and their own territory, votes
 * under the collège they were cast in, comments under the commenter's collège; votes and comments
 * under the participant's own territory. Territories are walked up to the département (null:
 * unlocated).
 */
function events(consultationId: string | null): Prisma.Sql {
  const ofConsultation = consultationId
    ? Prisma.sql`AND p."consultationId" = ${consultationId}::uuid`
    : Prisma.empty;
  return Prisma.sql`visible AS MATERIALIZED (
      SELECT p."id", p."authorId", p."territoryId", COALESCE(p."publishedAt", p."createdAt") AS "at"
      FROM "proposals" p
      WHERE p."status"::text IN (${Prisma.join(PUBLIC_PROPOSAL_STATUSES)})
        AND p."hiddenAt" IS NULL AND NOT p."awaitingReview" ${ofConsultation}
    ),
    raw_events AS (
      SELECT 'P' AS "kind", v."authorId" AS "userId", v."at", v."id" AS "proposalId",
        u."actorType", v."territoryId"
      FROM visible v JOIN "users" u ON u."id" = v."authorId"
      UNION ALL
      SELECT 'V', vo."userId", vo."createdAt", vo."proposalId", vo."actorType", u."territoryId"
      FROM "votes" vo JOIN visible v ON v."id" = vo."proposalId"
      JOIN "users" u ON u."id" = vo."userId"
      UNION ALL
      SELECT 'C', c."authorId", c."createdAt", c."proposalId", u."actorType", u."territoryId"
      FROM "comments" c JOIN visible v ON v."id" = c."proposalId"
      JOIN "users" u ON u."id" = c."authorId"
      WHERE c."deletedAt" IS NULL AND c."hiddenAt" IS NULL AND NOT c."awaitingReview"
    ),
    events AS MATERIALIZED (
      -- Régions → départements → communes: the département is the place itself, its parent or
      -- its grand-parent, whichever is at the DEPARTEMENT level.
      SELECT r."kind", r."userId", r."at", r."proposalId", r."actorType",
        CASE WHEN t0."level" = 'DEPARTEMENT' THEN t0."code"
          WHEN t1."level" = 'DEPARTEMENT' THEN t1."code"
          WHEN t2."level" = 'DEPARTEMENT' THEN t2."code" END AS "code"
      FROM raw_events r
      LEFT JOIN "territories" t0 ON t0."id" = r."territoryId"
      LEFT JOIN "territories" t1 ON t1."id" = t0."parentId"
      LEFT JOIN "territories" t2 ON t2."id" = t1."parentId"
    )`;
}

/** Dates travel as JSON text inside the one statement. */
type RawRows = Omit<DashboardRows, 'periods'> & {
  periods: (Omit<DashboardPeriodRow, 'periodStart'> & { periodStart: string })[];
};

/**
 * Aggregates of the participation dashboard, computed by PostgreSQL in one statement (one
 * snapshot: the periods and the cells add up to the totals; a few rows come back whatever the
 * number of votes). Selects no user id, name or e-mail.
 */
@Injectable()
export class DashboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  findConsultation(id: string): Promise<ConsultationRecord | null> {
    return this.prisma.consultation.findUnique({ where: { id } });
  }

  /**
   * - cells: the totals, one row per collège with activity, one per département (code null:
   *   unlocated), with GROUPING SETS;
   * - periods: every period from the first activity (or the consultation's first phase, if
   *   earlier) to the current one, at most MAX_PERIODS (the latest), gaps filled with zeros by
   *   generate_series;
   * - themes: activity on the proposals of each theme (a proposal of two themes counts in both);
   *   every theme for the platform, for a consultation its themes and any other with activity.
   */
  async aggregate(consultationId: string | null, period: DashboardPeriod): Promise<DashboardRows> {
    const unit = UNIT[period];
    const firstPhase = consultationId
      ? Prisma.sql`(SELECT min(ph."startsAt") FROM "consultation_phases" ph
          WHERE ph."consultationId" = ${consultationId}::uuid)`
      : Prisma.sql`NULL::timestamp`;
    const shownThemes = consultationId
      ? Prisma.sql`WHERE a."themeId" IS NOT NULL OR EXISTS (SELECT 1 FROM "consultation_themes" ct
          WHERE ct."consultationId" = ${consultationId}::uuid AND ct."themeId" = th."id")`
      : Prisma.empty;
    const [rows] = await this.prisma.$queryRaw<RawRows[]>`
      WITH ${events(consultationId)},
      cells AS (
        SELECT CASE WHEN GROUPING(x."actorType") = 0 THEN 'COLLEGE'
            WHEN GROUPING(x."code") = 0 THEN 'DEPARTEMENT' ELSE 'TOTAL' END AS "kind",
          x."actorType"::text AS "actorType", x."code", ${SUMS},
          count(DISTINCT x."userId")::int AS "participants"
        FROM (
          SELECT e."actorType", e."code", ${PER_PARTICIPANT}
          FROM events e GROUP BY e."actorType", e."code", e."userId"
        ) x
        GROUP BY GROUPING SETS ((), (x."actorType"), (x."code"))
      ),
      named_cells AS (
        SELECT c.*, d."name"
        FROM cells c
        LEFT JOIN "territories" d ON d."level" = 'DEPARTEMENT' AND d."code" = c."code"
      ),
      bounds AS (
        SELECT date_trunc(${unit}, ${parisTime(Prisma.sql`LEAST((SELECT min(e."at") FROM events e), ${firstPhase}, now() AT TIME ZONE 'UTC')`)}) AS "first",
          date_trunc(${unit}, now() AT TIME ZONE ${ZONE}) AS "last"
      ),
      per_period AS (
        SELECT x."start", ${SUMS}, count(*)::int AS "participants"
        FROM (
          SELECT date_trunc(${unit}, ${parisTime(Prisma.sql`e."at"`)}) AS "start", ${PER_PARTICIPANT}
          FROM events e GROUP BY 1, e."userId"
        ) x
        GROUP BY x."start"
      ),
      periods AS (
        SELECT s."start", s."start" AT TIME ZONE ${ZONE} AS "periodStart", ${COALESCED}
        FROM bounds b
        CROSS JOIN LATERAL generate_series(GREATEST(b."first", b."last" - ${SPAN[period]}), b."last", ${STEP[period]}) AS s("start")
        LEFT JOIN per_period a ON a."start" = s."start"
      ),
      per_theme AS (
        SELECT x."themeId", ${SUMS}, count(*)::int AS "participants"
        FROM (
          SELECT pt."themeId", ${PER_PARTICIPANT}
          FROM events e JOIN "proposal_themes" pt ON pt."proposalId" = e."proposalId"
          GROUP BY pt."themeId", e."userId"
        ) x
        GROUP BY x."themeId"
      ),
      themes AS (
        SELECT th."id", th."slug", th."nameFr", th."nameEn", th."descriptionFr", th."position",
          ${COALESCED}
        FROM "themes" th LEFT JOIN per_theme a ON a."themeId" = th."id"
        ${shownThemes}
      )
      SELECT
        (SELECT COALESCE(json_agg(c), '[]'::json) FROM named_cells c) AS "cells",
        (SELECT COALESCE(json_agg(json_build_object('periodStart', p."periodStart",
            'proposals', p."proposals", 'votes', p."votes", 'comments', p."comments",
            'participants', p."participants") ORDER BY p."start"), '[]'::json)
          FROM periods p) AS "periods",
        (SELECT COALESCE(json_agg(t ORDER BY t."position", t."slug"), '[]'::json)
          FROM themes t) AS "themes"`;
    return {
      cells: rows?.cells ?? [],
      periods: (rows?.periods ?? []).map((row) => ({
        ...row,
        periodStart: new Date(row.periodStart),
      })),
      themes: rows?.themes ?? [],
    };
  }
}
