-- Participation core: votes per collège, ranking scores, French full-text search, comment
-- revisions and upvotes, follows, organisation invitations.

-- Extensions for accent-insensitive search and trigram similarity (shipped with PostgreSQL's contrib).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "bodyHtml" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deletedById" UUID,
ADD COLUMN     "editedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "createdById" UUID;

-- AlterTable
ALTER TABLE "proposal_revisions" ADD COLUMN     "bodyHtml" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "experiment" TEXT,
ADD COLUMN     "measuredImpact" TEXT;

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN     "bodyHtml" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "scoreControversial" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "scoreHot" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "scoreTop" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "searchTitle" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "organisation_invitations" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "inviteeId" UUID NOT NULL,
    "invitedById" UUID NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "declinedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "organisation_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_college_counts" (
    "proposalId" UUID NOT NULL,
    "actorType" "ActorType" NOT NULL,
    "votesFor" INTEGER NOT NULL DEFAULT 0,
    "votesAgainst" INTEGER NOT NULL DEFAULT 0,
    "votesNeutral" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "proposal_college_counts_pkey" PRIMARY KEY ("proposalId","actorType")
);

-- CreateTable
CREATE TABLE "proposal_follows" (
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_follows_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "comment_revisions" (
    "id" UUID NOT NULL,
    "commentId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "editorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_upvotes" (
    "commentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comment_upvotes_pkey" PRIMARY KEY ("commentId","userId")
);

-- CreateIndex
CREATE INDEX "organisation_invitations_organisationId_idx" ON "organisation_invitations"("organisationId");

-- CreateIndex
CREATE INDEX "organisation_invitations_inviteeId_idx" ON "organisation_invitations"("inviteeId");

-- CreateIndex
CREATE INDEX "proposal_follows_userId_idx" ON "proposal_follows"("userId");

-- CreateIndex
CREATE INDEX "comment_revisions_commentId_createdAt_idx" ON "comment_revisions"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "proposals_scoreTop_id_idx" ON "proposals"("scoreTop" DESC, "id");

-- CreateIndex
CREATE INDEX "proposals_scoreHot_id_idx" ON "proposals"("scoreHot" DESC, "id");

-- CreateIndex
CREATE INDEX "proposals_scoreControversial_id_idx" ON "proposals"("scoreControversial" DESC, "id");

-- CreateIndex
CREATE INDEX "proposals_commentsCount_id_idx" ON "proposals"("commentsCount" DESC, "id");

-- CreateIndex
CREATE INDEX "proposals_organisationId_idx" ON "proposals"("organisationId");

-- CreateIndex
CREATE INDEX "proposals_searchVector_idx" ON "proposals" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "proposals_searchTitle_idx" ON "proposals" USING GIN ("searchTitle" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_inviteeId_fkey" FOREIGN KEY ("inviteeId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_college_counts" ADD CONSTRAINT "proposal_college_counts_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_follows" ADD CONSTRAINT "proposal_follows_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_revisions" ADD CONSTRAINT "comment_revisions_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_revisions" ADD CONSTRAINT "comment_revisions_editorId_fkey" FOREIGN KEY ("editorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_upvotes" ADD CONSTRAINT "comment_upvotes_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_upvotes" ADD CONSTRAINT "comment_upvotes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- French full-text configuration that ignores accents (Prisma does not model it: plain SQL).
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- Keeps "searchVector" (title weighted over summary over body) and "searchTitle" (for trigram
-- similarity while a title is typed) current on every insert and text change.
CREATE FUNCTION proposals_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW."summary", '')), 'B') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW."body", '')), 'C');
  NEW."searchTitle" := lower(unaccent(coalesce(NEW."title", '')));
  RETURN NEW;
END
$$;

CREATE TRIGGER proposals_search_refresh
  BEFORE INSERT OR UPDATE OF "title", "summary", "body" ON "proposals"
  FOR EACH ROW EXECUTE FUNCTION proposals_search_refresh();

-- Backfill what existing rows need: search columns, per-collège counters and ranking scores
-- (the formulas of libs/domain/src/rankings/scores.ts).
UPDATE "proposals" SET "title" = "title";

INSERT INTO "proposal_college_counts" ("proposalId", "actorType", "votesFor", "votesAgainst", "votesNeutral")
SELECT "proposalId", "actorType",
       count(*) FILTER (WHERE "value" = 'FOR'),
       count(*) FILTER (WHERE "value" = 'AGAINST'),
       count(*) FILTER (WHERE "value" = 'NEUTRAL')
FROM "votes" GROUP BY "proposalId", "actorType";

UPDATE "proposals" p SET
  "scoreTop" = CASE WHEN s.n = 0 THEN 0 ELSE
    ((s.f / s.n) + 1.96 * 1.96 / (2 * s.n)
      - 1.96 * sqrt(((s.f / s.n) * (1 - s.f / s.n) + 1.96 * 1.96 / (4 * s.n)) / s.n))
    / (1 + 1.96 * 1.96 / s.n) END,
  "scoreHot" = sign(s.net) * log(greatest(abs(s.net), 1))
    + (extract(epoch FROM coalesce(p."publishedAt", p."createdAt")) - 1704067200) / 45000,
  "scoreControversial" = CASE WHEN s.f > 0 AND s.a > 0
    THEN power(s.f + s.a, least(s.f, s.a) / greatest(s.f, s.a)) ELSE 0 END
FROM (
  SELECT "id", "votesFor"::float8 AS f, "votesAgainst"::float8 AS a,
         ("votesFor" + "votesAgainst")::float8 AS n, ("votesFor" - "votesAgainst")::float8 AS net
  FROM "proposals"
) s
WHERE s."id" = p."id";
