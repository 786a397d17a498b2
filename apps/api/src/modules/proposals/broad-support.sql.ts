import {
  CONSULTATION_SETTINGS_LIMITS as LIMITS,
  DEFAULT_CONSULTATION_SETTINGS,
} from '@passerelle/domain';
import { Prisma } from '../../generated/prisma/client';

const DEFAULTS = DEFAULT_CONSULTATION_SETTINGS.collegeThresholds;

/**
 * One collège threshold read from the consultation's settings JSON (`t`), as the domain's
 * parseConsultationSettings reads it: a value that is missing, not a number, out of its range
 * or (for counts) not an integer falls back to its default, key by key. The CASE branches run
 * in order, so a text value is never cast and a huge number never reaches float8.
 */
function threshold(
  key: string,
  range: { min: number; max: number; fallback: number },
  isInteger: boolean,
): Prisma.Sql {
  const value = Prisma.sql`(t ->> ${key}::text)`;
  const integer = isInteger
    ? Prisma.sql`AND ${value}::float8 = trunc(${value}::float8)`
    : Prisma.empty;
  return Prisma.sql`CASE
    WHEN jsonb_typeof(t -> ${key}::text) IS DISTINCT FROM 'number' THEN ${range.fallback}::float8
    WHEN abs(${value}::numeric) > 1e9 THEN ${range.fallback}::float8
    WHEN ${value}::float8 BETWEEN ${range.min}::float8 AND ${range.max}::float8 ${integer}
      THEN ${value}::float8
    ELSE ${range.fallback}::float8 END`;
}

const THRESHOLDS = Prisma.sql`SELECT
    ${threshold('minForShare', { min: LIMITS.minForShareMin, max: LIMITS.minForShareMax, fallback: DEFAULTS.minForShare }, false)} AS "minForShare",
    ${threshold('minColleges', { min: LIMITS.minCollegesMin, max: LIMITS.minCollegesMax, fallback: DEFAULTS.minColleges }, true)} AS "minColleges",
    ${threshold('minVotesPerCollege', { min: LIMITS.minVotesPerCollegeMin, max: LIMITS.minVotesPerCollegeMax, fallback: DEFAULTS.minVotesPerCollege }, true)} AS "minVotesPerCollege"
  FROM (SELECT cs."settings" -> 'collegeThresholds' AS t) stored`;

/**
 * Whether proposal `p` meets its consultation's collège thresholds, computed from its counters:
 * the SQL twin of the domain's meetsBreadth (libs/domain/src/votes/breadth.ts). The FOR share is
 * the same float8 division as in JavaScript, so both agree exactly at the boundary (e.g. 6 of 10
 * at 60 %). Lists do not evaluate it any more (one subquery per row): the database keeps
 * proposals."broadSupport" equal to it (triggers of the proposal_broad_support migration), and
 * tests/integration/broad-support-flag.spec.ts and `bench:seed --check` compare the two.
 */
export const BROAD_SUPPORT = Prisma.sql`(
  SELECT (
    SELECT count(*) FROM "proposal_college_counts" c
    WHERE c."proposalId" = p."id"
      AND c."votesFor" + c."votesAgainst" + c."votesNeutral" >= th."minVotesPerCollege"
      AND c."votesFor"::float8 / NULLIF(c."votesFor" + c."votesAgainst", 0) >= th."minForShare"
  ) >= th."minColleges"
  FROM "consultations" cs CROSS JOIN LATERAL (${THRESHOLDS}) th
  WHERE cs."id" = p."consultationId"
)`;

/**
 * The WHERE condition of ProposalFilter.broadSupport: true keeps broad support, false the rest.
 * Reads the stored flag, which the partial indexes on (scoreTop, id) and (scoreHot, id) WHERE
 * "broadSupport" serve.
 */
export function broadSupportCondition(broadSupport: boolean): Prisma.Sql {
  return broadSupport ? Prisma.sql`p."broadSupport"` : Prisma.sql`NOT p."broadSupport"`;
}
