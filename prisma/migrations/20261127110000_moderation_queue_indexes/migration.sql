-- The moderation queue lists proposals, comments and amendments with open reports or hidden:
-- without an index each queue page (and each live count a moderator's page receives) read every
-- comment and proposal (tier M, 1 million comments: 250–330 ms a statement, two per page). These
-- partial indexes hold only such rows, a few among millions (0.2 ms).
-- Partial: the schema cannot express them (see the note on Proposal.hiddenAt in schema.prisma).
CREATE INDEX "proposals_moderation_queue_idx"
  ON "proposals" ("consultationId") WHERE "openReportsCount" > 0 OR "hiddenAt" IS NOT NULL;
CREATE INDEX "comments_moderation_queue_idx"
  ON "comments" ("proposalId") WHERE "openReportsCount" > 0 OR "hiddenAt" IS NOT NULL;
CREATE INDEX "amendments_moderation_queue_idx"
  ON "amendments" ("proposalId") WHERE "openReportsCount" > 0 OR "hiddenAt" IS NOT NULL;
