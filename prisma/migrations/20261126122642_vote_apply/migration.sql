-- Issue 9: a vote in one round trip. castVote and retractVote read what the rules need in one
-- statement (no lock), apply the rules of libs/domain and compute the counter moves and the
-- scores in Node, then call this function once: it takes the proposal's row lock and writes only
-- if everything the rules and the computation used is still as read, else it writes nothing and
-- answers 'stale' with the current state (the caller checks again and retries, then falls back
-- to its locking transaction). The scores stay the domain's (JavaScript's log10 and pow differ
-- from PostgreSQL's in the last bit for about 0.2 % of the totals), and no transaction holds a
-- pooled connection across Node ticks.
--
-- Concurrency: a VOLATILE PL/pgSQL function takes a new snapshot for each statement (READ
-- COMMITTED), so once the lock is granted the later reads see every vote committed before it,
-- as the statements of an interactive transaction would. The lock is FOR NO KEY UPDATE: it
-- serialises votes, vote moves and broad-support refreshes on the proposal (they take that lock
-- or a stronger one) without blocking foreign-key checks of rows inserted meanwhile.
--
-- Outcomes: 'missing' (no such proposal), 'stale' (nothing written; the state under the lock is
-- returned), 'written' (the vote row, the collèges' counters, whose statement-level trigger keeps
-- "broadSupport", and the proposal's counters and scores in one UPDATE; the proposal row after
-- it and its collèges' counters are returned).
CREATE FUNCTION proposal_apply_vote(
  p_proposal uuid, p_user uuid, p_next "VoteValue",
  seen_status "ProposalStatus", seen_hidden boolean, seen_author uuid, seen_since_ms bigint,
  seen_for integer, seen_against integer, seen_neutral integer,
  seen_previous "VoteValue", seen_previous_type "ActorType", seen_voter_type "ActorType",
  delta_for integer, delta_against integer, delta_neutral integer, college_deltas jsonb,
  score_top float8, score_hot float8, score_controversial float8,
  OUT outcome text, OUT "previousValue" "VoteValue", OUT "previousType" "ActorType",
  OUT "voterType" "ActorType", OUT "collegeCounts" jsonb, OUT proposal "proposals")
LANGUAGE plpgsql AS $$
DECLARE
  locked "proposals"%ROWTYPE;
BEGIN
  SELECT * INTO locked FROM "proposals" p WHERE p."id" = p_proposal FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    outcome := 'missing';
    RETURN;
  END IF;
  SELECT u."actorType" INTO "voterType" FROM "users" u WHERE u."id" = p_user;
  SELECT v."value", v."actorType" INTO "previousValue", "previousType" FROM "votes" v
  WHERE v."proposalId" = p_proposal AND v."userId" = p_user;

  IF locked."status" IS DISTINCT FROM seen_status
    OR (locked."hiddenAt" IS NOT NULL) IS DISTINCT FROM seen_hidden
    OR locked."authorId" IS DISTINCT FROM seen_author
    OR (extract(epoch FROM coalesce(locked."publishedAt", locked."createdAt")) * 1000)::bigint
      IS DISTINCT FROM seen_since_ms
    OR locked."votesFor" IS DISTINCT FROM seen_for
    OR locked."votesAgainst" IS DISTINCT FROM seen_against
    OR locked."votesNeutral" IS DISTINCT FROM seen_neutral
    OR "previousValue" IS DISTINCT FROM seen_previous
    OR "previousType" IS DISTINCT FROM seen_previous_type
    OR "voterType" IS DISTINCT FROM seen_voter_type
  THEN
    outcome := 'stale';
    proposal := locked;
    RETURN;
  END IF;

  IF p_next IS NULL THEN
    DELETE FROM "votes" v WHERE v."proposalId" = p_proposal AND v."userId" = p_user;
  ELSE
    INSERT INTO "votes" AS v ("id", "proposalId", "userId", "value", "actorType", "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), p_proposal, p_user, p_next, "voterType",
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT ("proposalId", "userId") DO UPDATE SET
      "value" = EXCLUDED."value", "actorType" = EXCLUDED."actorType", "updatedAt" = EXCLUDED."updatedAt";
  END IF;

  INSERT INTO "proposal_college_counts" AS c ("proposalId", "actorType", "votesFor", "votesAgainst", "votesNeutral")
  SELECT p_proposal, d."actorType", d."votesFor", d."votesAgainst", d."votesNeutral"
  FROM jsonb_to_recordset(college_deltas)
    AS d("actorType" "ActorType", "votesFor" integer, "votesAgainst" integer, "votesNeutral" integer)
  ON CONFLICT ("proposalId", "actorType") DO UPDATE SET
    "votesFor" = c."votesFor" + EXCLUDED."votesFor",
    "votesAgainst" = c."votesAgainst" + EXCLUDED."votesAgainst",
    "votesNeutral" = c."votesNeutral" + EXCLUDED."votesNeutral";

  UPDATE "proposals" p SET
    "votesFor" = p."votesFor" + delta_for,
    "votesAgainst" = p."votesAgainst" + delta_against,
    "votesNeutral" = p."votesNeutral" + delta_neutral,
    "scoreTop" = score_top,
    "scoreHot" = score_hot,
    "scoreControversial" = score_controversial
  WHERE p."id" = p_proposal
  RETURNING p.* INTO proposal;

  SELECT coalesce(jsonb_agg(jsonb_build_object('actorType', c."actorType", 'votesFor', c."votesFor",
      'votesAgainst', c."votesAgainst", 'votesNeutral', c."votesNeutral") ORDER BY c."actorType"), '[]')
  INTO "collegeCounts"
  FROM "proposal_college_counts" c
  WHERE c."proposalId" = p_proposal AND (c."votesFor" > 0 OR c."votesAgainst" > 0 OR c."votesNeutral" > 0);
  outcome := 'written';
END
$$;
