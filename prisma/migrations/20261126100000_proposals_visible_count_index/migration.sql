-- Issue 9: a list's totalCount (`count(*) … WHERE status IN (…) AND "hiddenAt" IS NULL`, with or
-- without a consultation) read every proposal row: 143 ms and 23 000 buffers at tier M. This
-- partial index answers it by an index-only scan (29 ms, 90 buffers; 19 ms for one consultation).
-- Partial: the schema cannot express it (see the note on Proposal.hiddenAt in schema.prisma).
CREATE INDEX "proposals_visible_consultationId_status_idx"
  ON "proposals" ("consultationId", "status") WHERE "hiddenAt" IS NULL;
