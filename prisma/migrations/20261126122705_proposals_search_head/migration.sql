-- Issue 9: a search's RELEVANCE order ranked every match with ts_rank over "searchVector" (title,
-- summary and body: mostly TOASTed, read again for each row): 620 ms for «PTCE» at tier M (22 502
-- matches), 9.2 s at tier L. The list now ranks only the proposals whose title or summary match,
-- over this short vector (stored inline), and takes the others newest first (see
-- proposal-list.repository.ts).
ALTER TABLE "proposals" ADD COLUMN "searchHeadVector" tsvector;

-- The search trigger keeps it with the other search columns.
CREATE OR REPLACE FUNCTION proposals_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchHeadVector" :=
    setweight(to_tsvector('french_unaccent', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW."summary", '')), 'B');
  NEW."searchVector" :=
    NEW."searchHeadVector" ||
    setweight(to_tsvector('french_unaccent', coalesce(NEW."body", '')), 'C');
  NEW."searchTitle" := lower(unaccent(coalesce(NEW."title", '')));
  RETURN NEW;
END
$$;

-- Existing rows (an UPDATE of this column alone does not fire the trigger).
UPDATE "proposals" SET "searchHeadVector" =
  setweight(to_tsvector('french_unaccent', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('french_unaccent', coalesce("summary", '')), 'B');

-- CreateIndex
CREATE INDEX "proposals_searchHeadVector_idx" ON "proposals" USING GIN ("searchHeadVector");
