-- CreateEnum
CREATE TYPE "BriefStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PROPOSAL_CITED';

-- CreateTable
CREATE TABLE "briefs" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "introduction" TEXT NOT NULL DEFAULT '',
    "introductionHtml" TEXT NOT NULL DEFAULT '',
    "status" "BriefStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "briefs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_consultations" (
    "briefId" UUID NOT NULL,
    "consultationId" UUID NOT NULL,

    CONSTRAINT "brief_consultations_pkey" PRIMARY KEY ("briefId","consultationId")
);

-- CreateTable
CREATE TABLE "brief_sections" (
    "id" UUID NOT NULL,
    "briefId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "synthesis" TEXT NOT NULL DEFAULT '',
    "synthesisHtml" TEXT NOT NULL DEFAULT '',
    "dissentNote" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "brief_sections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_citations" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "proposalId" UUID,
    "commentId" UUID,
    "quote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brief_citations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_versions" (
    "id" UUID NOT NULL,
    "briefId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID NOT NULL,

    CONSTRAINT "brief_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "briefs_slug_key" ON "briefs"("slug");

-- CreateIndex
CREATE INDEX "briefs_status_updatedAt_idx" ON "briefs"("status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "brief_consultations_consultationId_idx" ON "brief_consultations"("consultationId");

-- CreateIndex
CREATE INDEX "brief_sections_briefId_position_idx" ON "brief_sections"("briefId", "position");

-- CreateIndex
CREATE INDEX "brief_citations_sectionId_position_idx" ON "brief_citations"("sectionId", "position");

-- CreateIndex
CREATE INDEX "brief_citations_proposalId_idx" ON "brief_citations"("proposalId");

-- CreateIndex
CREATE INDEX "brief_citations_commentId_idx" ON "brief_citations"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "brief_versions_briefId_number_key" ON "brief_versions"("briefId", "number");

-- AddForeignKey
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_consultations" ADD CONSTRAINT "brief_consultations_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_consultations" ADD CONSTRAINT "brief_consultations_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_sections" ADD CONSTRAINT "brief_sections_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_citations" ADD CONSTRAINT "brief_citations_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "brief_sections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_citations" ADD CONSTRAINT "brief_citations_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_citations" ADD CONSTRAINT "brief_citations_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_briefId_fkey" FOREIGN KEY ("briefId") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Published versions are frozen: no UPDATE of a version row, ever.
CREATE FUNCTION brief_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'brief_versions is append-only: version % of brief % is frozen', OLD."number", OLD."briefId";
END;
$$;
CREATE TRIGGER brief_versions_no_update BEFORE UPDATE ON "brief_versions"
  FOR EACH ROW EXECUTE FUNCTION brief_versions_frozen();
