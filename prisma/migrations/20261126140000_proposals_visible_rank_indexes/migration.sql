-- Issue 9: a proposal page shows the proposal's rank in its consultation's CONSENSUS and DIVISIVE
-- lists. Numbering every listed proposal of the consultation with row_number() read them all
-- (294 ms at tier M on each page). A rank is now one plus the count of listed proposals ahead of
-- it, and these partial indexes answer that count by an index-only scan: the order's columns,
-- with "status" included for the listed-statuses filter, over visible proposals only.
-- Partial: the schema cannot express it (see the note on Proposal.hiddenAt in schema.prisma).
CREATE INDEX "proposals_visible_consensus_rank_idx"
  ON "proposals" ("consultationId", "scoreConsensus" DESC, "id" DESC) INCLUDE ("status")
  WHERE "hiddenAt" IS NULL;
CREATE INDEX "proposals_visible_divisive_rank_idx"
  ON "proposals" ("consultationId", "scoreDivisive" DESC, "id" DESC) INCLUDE ("status")
  WHERE "hiddenAt" IS NULL;
