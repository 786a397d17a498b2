import { Injectable } from '@nestjs/common';
import { type ActorType, type ProposalStatus } from '@passerelle/domain';
import { PrismaService } from '../../common/prisma/prisma.service';
import { Prisma } from '../../generated/prisma/client';
import { broadSupportCondition } from './broad-support.sql';
import { type ProposalCursor, type ProposalOrderBy } from './proposal-cursor';
import {
  type ProposalRelationColumns,
  type ProposalRelations,
  relationColumns,
  splitRelations,
} from './proposal-relations.sql';
import { type ProposalRecord } from './proposals.repository';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './search-highlight';

/** Criteria of a list, already validated. Every list is limited to explicit statuses. */
export interface ProposalListCriteria {
  statuses: readonly ProposalStatus[];
  consultationId?: string | null;
  themeSlugs?: readonly string[] | null;
  territoryId?: string | null;
  authorActorTypes?: readonly ActorType[] | null;
  organisationId?: string | null;
  authorId?: string | null;
  /** true: broad support across collèges only (see broad-support.sql.ts); false: the others. */
  broadSupport?: boolean | null;
  /** true: citing an experiment with measurements (issue 10); false: the others. */
  groundedInMeasuredExperiment?: boolean | null;
  /** Raw user text for websearch_to_tsquery (passed as a parameter). */
  search?: string | null;
  /**
   * Hidden proposals (moderation) are left out, except an author's own for `hiddenVisibleTo`
   * and all of them when `allHiddenVisible` (moderators).
   */
  hiddenVisibleTo?: string | null;
  allHiddenVisible?: boolean;
}

export interface ProposalPageQuery extends ProposalListCriteria {
  orderBy: ProposalOrderBy;
  after: ProposalCursor | null;
  /** Rows to read: the page size plus one, to know whether another page follows. */
  take: number;
  /** Whose vote to read along (ProposalRelations.myVote); none when anonymous. */
  viewerId?: string | null;
}

export interface ProposalListRow extends ProposalRecord {
  sortKey: Date | number;
  headlineTitle: string | null;
  headlineSnippet: string | null;
  /** What the row's fields would otherwise load one DataLoader batch at a time. */
  relations: ProposalRelations;
}

export interface SimilarProposalRow extends ProposalRecord {
  similarity: number;
}

// Every column but "searchVector" (no client type): the same shape as a Prisma Proposal row.
export const PROPOSAL_COLUMNS = Prisma.sql`p."id", p."consultationId", p."authorId", p."organisationId", p."title",
  p."summary", p."body", p."bodyHtml", p."territoryId", p."competentLevel", p."lever",
  p."experiment", p."measuredImpact", p."status", p."version", p."votesFor", p."votesAgainst",
  p."votesNeutral", p."commentsCount", p."scoreTop", p."scoreHot", p."scoreControversial",
  p."scoreConsensus", p."scoreDivisive", p."broadSupport", p."searchTitle", p."openReportsCount", p."hiddenAt", p."awaitingReview", p."clusterId", p."publishedAt",
  p."erasedAt", p."createdAt", p."updatedAt"`;

/**
 * RELEVANCE in two tiers, each read in an indexed order up to the page's size (issue 9: ranking
 * every match of a common word read 22 502 TOASTed vectors at tier M, 620 ms):
 * - the proposals whose title or summary match the whole query, ranked by ts_rank over
 *   "searchHeadVector" (title A, summary B: short, stored inline, found by its own GIN index),
 *   keyed 1 + rank (≥ 1);
 * - the others (matching through their body), newest first, keyed by their creation time in
 *   milliseconds minus BODY_KEY_OFFSET (< 0, an exact integer in float8).
 * One float8 key orders both tiers, so the cursor stays (key, id).
 */
const HEAD_MATCH = Prisma.sql`p."searchHeadVector" @@ q.query`;
const HEAD_RANK = Prisma.sql`(1 + ts_rank(p."searchHeadVector", q.query)::float8)`;
const BODY_KEY_OFFSET = 10_000_000_000_000;
const BODY_KEY = Prisma.sql`(extract(epoch FROM p."createdAt") * 1000 - ${Prisma.raw(String(BODY_KEY_OFFSET))})::float8`;

/** Sort key expressions: enum → fixed SQL, never user text. Ranks are float8 so cursors round-trip. */
const SORT_KEYS: Record<ProposalOrderBy, Prisma.Sql> = {
  NEWEST: Prisma.sql`p."createdAt"`,
  OLDEST: Prisma.sql`p."createdAt"`,
  TOP: Prisma.sql`p."scoreTop"`,
  HOT: Prisma.sql`p."scoreHot"`,
  CONTROVERSIAL: Prisma.sql`p."scoreControversial"`,
  // Left as int so the (consultationId, commentsCount, id) index serves it; cursors cast to int.
  MOST_COMMENTED: Prisma.sql`p."commentsCount"`,
  RELEVANCE: HEAD_RANK, // head tier; see relevanceRows for the body tier
  // Written by the opinion-groups job (modules/opinions); Proposal.opinions ranks in this order.
  CONSENSUS: Prisma.sql`p."scoreConsensus"`,
  DIVISIVE: Prisma.sql`p."scoreDivisive"`,
};

const MARKERS = `${HIGHLIGHT_START}${HIGHLIGHT_STOP}`;
const TITLE_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;
const SNIPPET_HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;
// Markdown punctuation is dropped from snippets: they are shown as plain text.
const SNIPPET_DROPPED = `${MARKERS}*_#>\``;

function query(search: string | null | undefined): Prisma.Sql {
  return search
    ? Prisma.sql`CROSS JOIN (SELECT websearch_to_tsquery('french_unaccent', ${search}) AS query) q`
    : Prisma.empty;
}

/**
 * `status IN (…)` on the enum itself (each parameter cast to it): comparing `status::text` would
 * hide the column from the planner's statistics and from its indexes.
 */
function statusIn(statuses: readonly string[]): Prisma.Sql {
  return Prisma.sql`p."status" IN (${Prisma.join(
    statuses.map((status) => Prisma.sql`CAST(${status} AS "ProposalStatus")`),
  )})`;
}

/** The WHERE conditions of a list; user values only ever travel as parameters. */
function conditions(criteria: ProposalListCriteria): Prisma.Sql {
  const where: Prisma.Sql[] = [statusIn(criteria.statuses)];
  if (criteria.consultationId) {
    where.push(Prisma.sql`p."consultationId" = ${criteria.consultationId}::uuid`);
  }
  if (criteria.organisationId) {
    where.push(Prisma.sql`p."organisationId" = ${criteria.organisationId}::uuid`);
  }
  if (criteria.authorId) where.push(Prisma.sql`p."authorId" = ${criteria.authorId}::uuid`);
  if (criteria.themeSlugs?.length) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "proposal_themes" pt
      JOIN "themes" t ON t."id" = pt."themeId"
      WHERE pt."proposalId" = p."id" AND t."slug" IN (${Prisma.join(criteria.themeSlugs)}))`);
  }
  if (criteria.territoryId) {
    // A territory and everything below it, through the région and the département each proposal
    // carries (trigger proposals_territory_ancestors): columns the planner estimates well (a
    // région's 1 275 territories listed were estimated at 2 500 of 360 000 matches at tier L).
    const id = criteria.territoryId;
    where.push(
      Prisma.sql`(p."regionId" = ${id} OR p."departementId" = ${id} OR p."territoryId" = ${id})`,
    );
  }
  if (criteria.authorActorTypes?.length) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "users" u WHERE u."id" = p."authorId"
      AND u."actorType"::text IN (${Prisma.join(criteria.authorActorTypes)}))`);
  }
  if (typeof criteria.broadSupport === 'boolean') {
    where.push(broadSupportCondition(criteria.broadSupport));
  }
  if (typeof criteria.groundedInMeasuredExperiment === 'boolean') {
    // proposal_experiments' primary key (proposalId, experimentId) finds a proposal's citations.
    const grounded = Prisma.sql`EXISTS (SELECT 1 FROM "proposal_experiments" pe
      JOIN "experiments" e ON e."id" = pe."experimentId"
      WHERE pe."proposalId" = p."id" AND e."measurementsCount" > 0)`;
    where.push(criteria.groundedInMeasuredExperiment ? grounded : Prisma.sql`NOT ${grounded}`);
  }
  if (criteria.search) where.push(Prisma.sql`p."searchVector" @@ q.query`);
  if (!criteria.allHiddenVisible) {
    where.push(
      criteria.hiddenVisibleTo
        ? Prisma.sql`(p."hiddenAt" IS NULL OR p."authorId" = ${criteria.hiddenVisibleTo}::uuid)`
        : Prisma.sql`p."hiddenAt" IS NULL`,
    );
  }
  return Prisma.join(where, ' AND ');
}

function keyset(orderBy: ProposalOrderBy, after: ProposalCursor | null): Prisma.Sql {
  if (!after) return Prisma.empty;
  const key =
    after.key instanceof Date
      ? Prisma.sql`${after.key.toISOString()}::timestamp`
      : orderBy === 'MOST_COMMENTED'
        ? Prisma.sql`${Math.min(2 ** 31 - 1, Math.max(-(2 ** 31), Math.trunc(after.key)))}::int`
        : Prisma.sql`${after.key}::float8`;
  const beyond = orderBy === 'OLDEST' ? Prisma.sql`>` : Prisma.sql`<`;
  return Prisma.sql`AND (${SORT_KEYS[orderBy]}, p."id") ${beyond} (${key}, ${after.id}::uuid)`;
}

/** `LIMIT cap + 1` as a literal (a number of ours, never user input): the planner sees it. */
function limitPastCap(cap: number): Prisma.Sql {
  if (!Number.isSafeInteger(cap) || cap < 0) throw new Error(`Invalid count cap: ${cap}`);
  return Prisma.raw(`LIMIT ${cap + 1}`);
}

/**
 * `count(*)` of a list, stopping at `cap + 1` rows (PROPOSAL_COUNT_CAP: an index-only scan stops
 * after 10 001 entries instead of counting two million). Without hidden proposals it is answered
 * from the partial index on (consultationId, status) WHERE "hiddenAt" IS NULL.
 */
function countOf(criteria: ProposalListCriteria, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "proposals" p ${query(criteria.search)}
      WHERE ${conditions(criteria)} ${limitPastCap(cap)}
    ) capped`;
}

function ownHiddenCountOf(
  criteria: ProposalListCriteria,
  authorId: string,
  cap: number,
): Prisma.Sql {
  const unrestricted = { ...criteria, hiddenVisibleTo: null, allHiddenVisible: true };
  return Prisma.sql`SELECT count(*)::int AS "count" FROM (
      SELECT 1 FROM "proposals" p ${query(criteria.search)}
      WHERE ${conditions(unrestricted)} AND p."hiddenAt" IS NOT NULL
        AND p."authorId" = ${authorId}::uuid ${limitPastCap(cap)}
    ) capped`;
}

/**
 * The first `take` rows of a RELEVANCE list after the cursor: up to `take` of each tier (see
 * HEAD_RANK), merged by their common key. A cursor in the body tier skips the head tier.
 */
function relevanceRows(page: ProposalPageQuery): Prisma.Sql {
  const after = page.after;
  const inBodyTier = after !== null && typeof after.key === 'number' && after.key < 0;
  const body = Prisma.sql`(SELECT ${PROPOSAL_COLUMNS}, ${BODY_KEY} AS "sortKey"
      FROM "proposals" p ${query(page.search)}
      WHERE ${conditions(page)} AND (${HEAD_MATCH}) IS NOT TRUE ${
        inBodyTier
          ? Prisma.sql`AND (p."createdAt", p."id") < (${new Date(
              (after.key as number) + BODY_KEY_OFFSET,
            ).toISOString()}::timestamp, ${after.id}::uuid)`
          : Prisma.empty
      }
      ORDER BY p."createdAt" DESC, p."id" DESC
      LIMIT ${page.take})`;
  if (inBodyTier) return body;
  const head = Prisma.sql`(SELECT ${PROPOSAL_COLUMNS}, ${HEAD_RANK} AS "sortKey"
      FROM "proposals" p ${query(page.search)}
      WHERE ${conditions(page)} AND ${HEAD_MATCH} ${keyset('RELEVANCE', after)}
      ORDER BY ${HEAD_RANK} DESC, p."id" DESC
      LIMIT ${page.take})`;
  return Prisma.sql`SELECT * FROM (${head} UNION ALL ${body}) tiers
    ORDER BY "sortKey" DESC, "id" DESC
    LIMIT ${page.take}`;
}

@Injectable()
export class ProposalListRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One page in (sort key, id) order, strictly after the cursor: keyset pagination, so each page
   * costs the same and rows added meanwhile never shift or repeat what was already read. With a
   * search, the title and an excerpt come back highlighted (computed for the page's rows only).
   */
  async findPage(page: ProposalPageQuery): Promise<ProposalListRow[]> {
    const key = SORT_KEYS[page.orderBy];
    const direction = page.orderBy === 'OLDEST' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
    const headlines = page.search
      ? Prisma.sql`ts_headline('french_unaccent', translate(sub."title", ${MARKERS}, ''), q.query, ${TITLE_HEADLINE}) AS "headlineTitle",
          ts_headline('french_unaccent', translate(sub."summary" || ' … ' || sub."body", ${SNIPPET_DROPPED}, ''), q.query, ${SNIPPET_HEADLINE}) AS "headlineSnippet"`
      : Prisma.sql`NULL AS "headlineTitle", NULL AS "headlineSnippet"`;
    const inner =
      page.orderBy === 'RELEVANCE' && page.search
        ? relevanceRows(page)
        : Prisma.sql`SELECT ${PROPOSAL_COLUMNS}, ${key} AS "sortKey"
        FROM "proposals" p ${query(page.search)}
        WHERE ${conditions(page)} ${keyset(page.orderBy, page.after)}
        ORDER BY ${key} ${direction}, p."id" ${direction}
        LIMIT ${page.take}`;
    // The relations are read for the page's rows only (the outer query), in the same statement.
    const rows = await this.prisma.$queryRaw<
      (Omit<ProposalListRow, 'relations'> & ProposalRelationColumns)[]
    >`
      SELECT sub.*, ${headlines}, ${relationColumns('sub', page.viewerId)}
      FROM (${inner}) sub ${query(page.search)}
      ORDER BY sub."sortKey" ${direction}, sub."id" ${direction}`;
    return rows.map((row) => {
      const { rest, relations } = splitRelations(row);
      return { ...rest, relations };
    });
  }

  /** The list's matches, counted up to `cap + 1` (more means "more than `cap`"). */
  async count(criteria: ProposalListCriteria, cap: number): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`${countOf(criteria, cap)}`;
    return rows[0]?.count ?? 0;
  }

  /** The hidden proposals of `authorId` a list with these criteria shows its author (up to `cap + 1`). */
  async countOwnHidden(
    criteria: ProposalListCriteria,
    authorId: string,
    cap: number,
  ): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ count: number }[]>`
      ${ownHiddenCountOf(criteria, authorId, cap)}`;
    return rows[0]?.count ?? 0;
  }

  /**
   * Both halves of what a list shows its author, in one statement: the proposals everyone sees
   * (a count shared by every reader) and the author's own hidden ones.
   */
  async countVisibleAndOwnHidden(
    criteria: ProposalListCriteria,
    authorId: string,
    cap: number,
  ): Promise<{ visible: number; ownHidden: number }> {
    const rows = await this.prisma.$queryRaw<{ visible: number; ownHidden: number }[]>`
      SELECT (${countOf({ ...criteria, hiddenVisibleTo: null, allHiddenVisible: false }, cap)}) AS "visible",
        (${ownHiddenCountOf(criteria, authorId, cap)}) AS "ownHidden"`;
    return { visible: rows[0]?.visible ?? 0, ownHidden: rows[0]?.ownHidden ?? 0 };
  }

  /**
   * Public proposals whose title looks like `title`: trigram similarity of the accent-free
   * titles (GIN gin_trgm_ops index on "searchTitle"), blended with a French full-text match of
   * any of the title's words over the whole proposal.
   */
  findSimilar(query: {
    title: string;
    anyWords: string;
    statuses: readonly ProposalStatus[];
    consultationId: string | null;
    excludeId: string | null;
    minSimilarity: number;
    limit: number;
  }): Promise<SimilarProposalRow[]> {
    const consultation = query.consultationId
      ? Prisma.sql`AND p."consultationId" = ${query.consultationId}::uuid`
      : Prisma.empty;
    const exclude = query.excludeId
      ? Prisma.sql`AND p."id" <> ${query.excludeId}::uuid`
      : Prisma.empty;
    return this.prisma.$queryRaw<SimilarProposalRow[]>`
      SELECT * FROM (
        SELECT ${PROPOSAL_COLUMNS},
          (0.7 * similarity(p."searchTitle", q.title)
            + 0.3 * ts_rank(p."searchVector", q.query, 32))::float8 AS "similarity"
        FROM "proposals" p
        CROSS JOIN (SELECT lower(unaccent(${query.title})) AS title,
          websearch_to_tsquery('french_unaccent', ${query.anyWords}) AS query) q
        WHERE (p."searchTitle" % q.title OR p."searchVector" @@ q.query) AND p."hiddenAt" IS NULL
          AND ${statusIn(query.statuses)} ${consultation} ${exclude}
      ) s
      WHERE s."similarity" >= ${query.minSimilarity}
      ORDER BY s."similarity" DESC, s."id" DESC
      LIMIT ${query.limit}`;
  }
}
