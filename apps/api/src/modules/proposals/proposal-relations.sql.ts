import { type VoteValue } from '@passerelle/domain';
import { Prisma } from '../../generated/prisma/client';
import { type ConsultationRecord } from '../consultations/consultations.repository';
import { type OrganisationRecord } from '../organisations/organisations.repository';
import { type TerritoryRecord } from '../territories/territories.repository';
import { type ThemeRecord } from '../themes/themes.repository';
import { type UserRecord } from '../users/users.repository';
import { type CollegeCountRecord } from '../votes/votes.repository';

/**
 * What the fields of a listed proposal read through DataLoaders, fetched by the list's own
 * statement (issue 9: a page of 20 costs at most 3 SQL statements) and primed into those
 * loaders by ProposalRelationsPrimer. Each record has exactly the shape its loader returns.
 */
export interface ProposalRelations {
  proposalId: string;
  author: UserRecord | null;
  organisation: OrganisationRecord | null;
  /** The proposal's territory, then its parent (TerritoryFields asks for both). */
  territories: TerritoryRecord[];
  themes: ThemeRecord[];
  collegeCounts: CollegeCountRecord[];
  /** Only on one row per consultation of the page: the others share it. */
  consultation: ConsultationRecord | null;
  /** The viewer's vote; undefined without a viewer. */
  myVote?: VoteValue | null;
}

/** Raw relation columns, as PostgreSQL returns them (JSON). */
export interface ProposalRelationColumns {
  relAuthor: Record<string, unknown> | null;
  relOrganisation: OrganisationRecord | null;
  relTerritories: (TerritoryRecord | null)[] | null;
  relThemes: ThemeRecord[];
  relCollegeCounts: CollegeCountRecord[];
  relConsultation: Record<string, unknown> | null;
  relMyVote?: VoteValue | null;
}

const territoryJson = (alias: string) =>
  Prisma.raw(`jsonb_build_object('id', ${alias}."id", 'level', ${alias}."level", 'code', ${alias}."code",
    'name', ${alias}."name", 'parentId', ${alias}."parentId", 'population', ${alias}."population")`);

/**
 * Relation columns of the rows of `alias` (a proposals row set already limited to one page):
 * correlated sub-selects on primary keys and indexed foreign keys, so their cost follows the
 * page size, never the table size. `viewerId` adds the viewer's vote.
 */
export function relationColumns(alias: string, viewerId: string | null | undefined): Prisma.Sql {
  const p = Prisma.raw(alias);
  const myVote = viewerId
    ? Prisma.sql`, (SELECT v."value"::text FROM "votes" v
        WHERE v."proposalId" = ${p}."id" AND v."userId" = ${viewerId}::uuid) AS "relMyVote"`
    : Prisma.empty;
  return Prisma.sql`
    (SELECT to_jsonb(u) - 'passwordHash' FROM "users" u WHERE u."id" = ${p}."authorId") AS "relAuthor",
    (SELECT jsonb_build_object('id', o."id", 'name', o."name", 'actorType', o."actorType",
        'territoryId', o."territoryId", 'siret', o."siret", 'createdById', o."createdById")
      FROM "organisations" o WHERE o."id" = ${p}."organisationId") AS "relOrganisation",
    (SELECT jsonb_build_array(${territoryJson('t')},
        (SELECT ${territoryJson('tp')} FROM "territories" tp WHERE tp."id" = t."parentId"))
      FROM "territories" t WHERE t."id" = ${p}."territoryId") AS "relTerritories",
    (SELECT coalesce(jsonb_agg(to_jsonb(th) ORDER BY th."position", th."slug"), '[]'::jsonb)
      FROM "proposal_themes" pt JOIN "themes" th ON th."id" = pt."themeId"
      WHERE pt."proposalId" = ${p}."id") AS "relThemes",
    (SELECT coalesce(jsonb_agg(to_jsonb(cc) ORDER BY cc."actorType"), '[]'::jsonb)
      FROM "proposal_college_counts" cc
      WHERE cc."proposalId" = ${p}."id"
        AND (cc."votesFor" > 0 OR cc."votesAgainst" > 0 OR cc."votesNeutral" > 0)) AS "relCollegeCounts",
    CASE WHEN row_number() OVER (PARTITION BY ${p}."consultationId") = 1 THEN
      (SELECT to_jsonb(c) FROM "consultations" c WHERE c."id" = ${p}."consultationId")
    END AS "relConsultation"
    ${myVote}`;
}

/** Timestamp columns of the JSON-encoded rows (to_jsonb writes them as text). */
const USER_DATES = [
  'suspendedAt',
  'suspendedUntil',
  'trustedAt',
  'emailVerifiedAt',
  'termsAcceptedAt',
  'deletedAt',
  'createdAt',
  'updatedAt',
] as const;
const CONSULTATION_DATES = ['createdAt', 'updatedAt'] as const;

/** A `timestamp(3)` (UTC, without zone) as to_jsonb writes it, back to a Date. */
function toDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
}

function withDates<T>(row: Record<string, unknown> | null, keys: readonly string[]): T | null {
  if (!row) return null;
  const copy: Record<string, unknown> = { ...row };
  for (const key of keys) if (key in copy) copy[key] = toDate(copy[key]);
  return copy as T;
}

/** Splits a list row into the proposal and its relations. */
export function splitRelations<T extends ProposalRelationColumns & { id: string }>(
  row: T,
): { rest: Omit<T, keyof ProposalRelationColumns>; relations: ProposalRelations } {
  const {
    relAuthor,
    relOrganisation,
    relTerritories,
    relThemes,
    relCollegeCounts,
    relConsultation,
    relMyVote,
    ...rest
  } = row;
  const relations: ProposalRelations = {
    proposalId: row.id,
    author: withDates<UserRecord>(relAuthor, USER_DATES),
    organisation: relOrganisation,
    territories: (relTerritories ?? []).filter((t): t is TerritoryRecord => t !== null),
    themes: relThemes,
    collegeCounts: relCollegeCounts,
    consultation: withDates<ConsultationRecord>(relConsultation, CONSULTATION_DATES),
  };
  if (relMyVote !== undefined) relations.myVote = relMyVote;
  return { rest, relations };
}
