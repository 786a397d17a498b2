-- Issue 9: the lists across consultations order by (score DESC, id DESC), but these indexes were
-- (score DESC, id ASC): where many proposals share a score (CONSENSUS and DIVISIVE are 0 until
-- an opinion-groups run), PostgreSQL read and sorted the whole table instead (1.5 s at tier L).
-- Rebuilt in the list's order; the names stay.

-- DropIndex
DROP INDEX "proposals_scoreConsensus_id_idx";

-- DropIndex
DROP INDEX "proposals_scoreControversial_id_idx";

-- DropIndex
DROP INDEX "proposals_scoreDivisive_id_idx";

-- DropIndex
DROP INDEX "proposals_scoreHot_id_idx";

-- DropIndex
DROP INDEX "proposals_scoreTop_id_idx";

-- CreateIndex
CREATE INDEX "proposals_scoreTop_id_idx" ON "proposals"("scoreTop" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_scoreHot_id_idx" ON "proposals"("scoreHot" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_scoreControversial_id_idx" ON "proposals"("scoreControversial" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_scoreConsensus_id_idx" ON "proposals"("scoreConsensus" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_scoreDivisive_id_idx" ON "proposals"("scoreDivisive" DESC, "id" DESC);
