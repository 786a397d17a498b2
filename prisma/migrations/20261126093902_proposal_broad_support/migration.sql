-- Issue 9: broad support across collèges as a stored flag, kept by the database.
--
-- proposals."broadSupport" is true when the proposal meets its consultation's collège thresholds:
-- at least minColleges collèges each with at least minVotesPerCollege votes (FOR + AGAINST +
-- NEUTRAL) and a FOR share, FOR / (FOR + AGAINST) as float8, of at least minForShare. It is the
-- SQL twin of libs/domain/src/votes/breadth.ts meetsBreadth, and equal at all times to the
-- expression BROAD_SUPPORT of apps/api/src/modules/proposals/broad-support.sql.ts (checked by
-- tests/integration/broad-support-flag.spec.ts and `bench:seed --check`). The application never
-- writes it: every writer of proposal_college_counts (votes, vote moves, account erasure, seeds,
-- tests) goes through the triggers below, and so does a change of a consultation's thresholds.
--
-- Concurrency: a refresh locks the proposals it recomputes in id order (like every multi-row lock
-- of the application) before computing, in a later statement, from a fresh snapshot. A vote
-- already holds its proposal's row lock when its statement's trigger runs, so no new lock is
-- taken there; and whatever refresh comes after it waits for its commit, then sees its counters.

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN     "broadSupport" BOOLEAN NOT NULL DEFAULT false;

-- One consultation's collège thresholds, read from its settings JSON as the domain's
-- parseConsultationSettings reads them: a value that is missing, not a number, out of its range
-- or (for counts) not an integer falls back to its default, key by key. The CASE branches run in
-- order, so a text value is never cast and a huge number never reaches float8. Defaults and
-- ranges: CONSULTATION_SETTINGS_LIMITS and DEFAULT_CONSULTATION_SETTINGS of libs/domain (a test
-- compares both). PL/pgSQL rather than SQL: a SQL function that cannot be inlined is planned
-- again on every call (about 150 µs against 20 µs here).
CREATE FUNCTION college_thresholds(settings jsonb,
  OUT "minForShare" float8, OUT "minColleges" float8, OUT "minVotesPerCollege" float8)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  t jsonb := settings -> 'collegeThresholds';
BEGIN
  "minForShare" := CASE
    WHEN jsonb_typeof(t -> 'minForShare') IS DISTINCT FROM 'number' THEN 0.6::float8
    WHEN abs((t ->> 'minForShare')::numeric) > 1e9 THEN 0.6::float8
    WHEN (t ->> 'minForShare')::float8 BETWEEN 0.5::float8 AND 1::float8
      THEN (t ->> 'minForShare')::float8
    ELSE 0.6::float8 END;
  "minColleges" := CASE
    WHEN jsonb_typeof(t -> 'minColleges') IS DISTINCT FROM 'number' THEN 3::float8
    WHEN abs((t ->> 'minColleges')::numeric) > 1e9 THEN 3::float8
    WHEN (t ->> 'minColleges')::float8 BETWEEN 1::float8 AND 7::float8
      AND (t ->> 'minColleges')::float8 = trunc((t ->> 'minColleges')::float8)
      THEN (t ->> 'minColleges')::float8
    ELSE 3::float8 END;
  "minVotesPerCollege" := CASE
    WHEN jsonb_typeof(t -> 'minVotesPerCollege') IS DISTINCT FROM 'number' THEN 10::float8
    WHEN abs((t ->> 'minVotesPerCollege')::numeric) > 1e9 THEN 10::float8
    WHEN (t ->> 'minVotesPerCollege')::float8 BETWEEN 1::float8 AND 10000::float8
      AND (t ->> 'minVotesPerCollege')::float8 = trunc((t ->> 'minVotesPerCollege')::float8)
      THEN (t ->> 'minVotesPerCollege')::float8
    ELSE 10::float8 END;
END
$$;

-- Whether proposal `proposal_id` of consultation `consultation_id` meets its thresholds, from
-- its collège counters (false when the consultation is missing). One proposal at a time: the
-- guard below; proposals_refresh_broad_support computes the same for many at once.
CREATE FUNCTION proposal_broad_support(proposal_id uuid, consultation_id uuid) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  th record;
  qualifying bigint;
BEGIN
  SELECT t.* INTO th FROM "consultations" cs CROSS JOIN LATERAL college_thresholds(cs."settings") t
  WHERE cs."id" = consultation_id;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  SELECT count(*) INTO qualifying FROM "proposal_college_counts" c
  WHERE c."proposalId" = proposal_id
    AND c."votesFor" + c."votesAgainst" + c."votesNeutral" >= th."minVotesPerCollege"
    AND c."votesFor"::float8 / NULLIF(c."votesFor" + c."votesAgainst", 0) >= th."minForShare";
  RETURN qualifying >= th."minColleges";
END
$$;

-- Recomputes the flag of these proposals. Locks them first, in id order, so that two refreshes
-- never deadlock and the UPDATE (a later statement: a new snapshot) sees every counter committed
-- by whoever held a lock before. Set-based (thresholds read once per consultation); only rows
-- whose flag changes are written. A generic plan: planning the UPDATE for each vote cost several
-- times its execution (1.5 ms against 0.3 ms a call at tier M), and the same index plan serves
-- one proposal or a whole consultation.
CREATE FUNCTION proposals_refresh_broad_support(ids uuid[]) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "proposals" p WHERE p."id" = ANY(ids) ORDER BY p."id" FOR NO KEY UPDATE;
  WITH target AS MATERIALIZED (
    SELECT q."id", q."consultationId" FROM "proposals" q WHERE q."id" = ANY(ids)
  ),
  th AS MATERIALIZED (
    SELECT cs."id", t."minForShare", t."minColleges", t."minVotesPerCollege"
    FROM "consultations" cs CROSS JOIN LATERAL college_thresholds(cs."settings") t
    WHERE cs."id" IN (SELECT target."consultationId" FROM target)
  ),
  qualifying AS (
    SELECT t."id", count(*) AS "colleges" FROM target t
    JOIN th ON th."id" = t."consultationId"
    JOIN "proposal_college_counts" c ON c."proposalId" = t."id"
    WHERE c."votesFor" + c."votesAgainst" + c."votesNeutral" >= th."minVotesPerCollege"
      AND c."votesFor"::float8 / NULLIF(c."votesFor" + c."votesAgainst", 0) >= th."minForShare"
    GROUP BY t."id"
  ),
  verdict AS (
    SELECT t."id", coalesce(k."colleges", 0) >= th."minColleges" AS "broad"
    FROM target t JOIN th ON th."id" = t."consultationId"
    LEFT JOIN qualifying k ON k."id" = t."id"
  )
  UPDATE "proposals" p SET "broadSupport" = v."broad"
  FROM verdict v
  WHERE p."id" = v."id" AND p."broadSupport" IS DISTINCT FROM v."broad";
END
$$;

-- proposal_college_counts: one statement-level trigger per event, with its transition tables,
-- so a multi-row write (an account's erasure, a seed) recomputes each proposal once.
CREATE FUNCTION proposal_college_counts_broad_support() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n."proposalId") INTO ids FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT changed."proposalId") INTO ids FROM (
      SELECT n."proposalId" FROM new_rows n
      UNION ALL
      SELECT o."proposalId" FROM old_rows o) changed;
  ELSE
    SELECT array_agg(DISTINCT o."proposalId") INTO ids FROM old_rows o;
  END IF;
  PERFORM proposals_refresh_broad_support(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER proposal_college_counts_broad_support_insert
  AFTER INSERT ON "proposal_college_counts" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_college_counts_broad_support();
CREATE TRIGGER proposal_college_counts_broad_support_update
  AFTER UPDATE ON "proposal_college_counts" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_college_counts_broad_support();
CREATE TRIGGER proposal_college_counts_broad_support_delete
  AFTER DELETE ON "proposal_college_counts" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION proposal_college_counts_broad_support();

-- A consultation's thresholds change: every one of its proposals is recomputed.
CREATE FUNCTION consultations_broad_support() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM proposals_refresh_broad_support(
    ARRAY(SELECT p."id" FROM "proposals" p WHERE p."consultationId" = NEW."id"));
  RETURN NULL;
END
$$;

CREATE TRIGGER consultations_broad_support
  AFTER UPDATE OF "settings" ON "consultations" FOR EACH ROW
  WHEN (OLD."settings" -> 'collegeThresholds' IS DISTINCT FROM NEW."settings" -> 'collegeThresholds')
  EXECUTE FUNCTION consultations_broad_support();

-- The flag itself: whoever writes it (or moves a proposal to another consultation) gets the
-- computed value, never their own. A new proposal has no counters yet, so false unless told
-- otherwise (then computed: the benchmark seed inserts proposals after their counters).
CREATE FUNCTION proposals_broad_support_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."broadSupport" := proposal_broad_support(NEW."id", NEW."consultationId");
  RETURN NEW;
END
$$;

CREATE TRIGGER proposals_broad_support_guard_insert
  BEFORE INSERT ON "proposals" FOR EACH ROW
  WHEN (NEW."broadSupport")
  EXECUTE FUNCTION proposals_broad_support_guard();
CREATE TRIGGER proposals_broad_support_guard_update
  BEFORE UPDATE OF "broadSupport", "consultationId" ON "proposals" FOR EACH ROW
  WHEN (NEW."broadSupport" IS DISTINCT FROM OLD."broadSupport"
    OR NEW."consultationId" IS DISTINCT FROM OLD."consultationId")
  EXECUTE FUNCTION proposals_broad_support_guard();

-- Backfill: only the proposals with counters can be broad.
SELECT proposals_refresh_broad_support(
  ARRAY(SELECT DISTINCT c."proposalId" FROM "proposal_college_counts" c));

-- The list's broad-support filter in its two score orders (ProposalFilter.broadSupport with TOP
-- or HOT): partial, so only broad proposals are indexed, and any other order with the filter
-- reads its rows from either index and sorts them.
CREATE INDEX "proposals_broadSupport_scoreTop_id_idx" ON "proposals"("scoreTop" DESC, "id" DESC)
  WHERE "broadSupport";
CREATE INDEX "proposals_broadSupport_scoreHot_id_idx" ON "proposals"("scoreHot" DESC, "id" DESC)
  WHERE "broadSupport";
