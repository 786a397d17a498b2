-- Issue 9: a consultation's proposals list in a score order reads its first page from an index
-- instead of sorting every proposal of the consultation (EXPLAIN ANALYZE in the issue 9 report).
-- CreateIndex
CREATE INDEX "proposals_consultationId_scoreTop_id_idx" ON "proposals"("consultationId", "scoreTop" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_consultationId_scoreHot_id_idx" ON "proposals"("consultationId", "scoreHot" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_consultationId_scoreControversial_id_idx" ON "proposals"("consultationId", "scoreControversial" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_consultationId_scoreConsensus_id_idx" ON "proposals"("consultationId", "scoreConsensus" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_consultationId_scoreDivisive_id_idx" ON "proposals"("consultationId", "scoreDivisive" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposals_consultationId_commentsCount_id_idx" ON "proposals"("consultationId", "commentsCount" DESC, "id" DESC);
