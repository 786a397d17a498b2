-- Issue 9: territory filters compare one column. A région's filter listed its 1 275 territories
-- (itself, its départements, their communes); the planner estimated 2 500 of 360 000 matches at
-- tier L and sorted them all. Each proposal now carries the région and the département holding its
-- territory, kept by a trigger on every write path (API, seeds, COPY).

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN     "departementId" TEXT,
ADD COLUMN     "regionId" TEXT;

-- The région and département holding a territory (the territory itself at its own level).
CREATE FUNCTION proposal_territory_ancestors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE t."level" WHEN 'REGION' THEN t."id" WHEN 'DEPARTEMENT' THEN t."parentId" ELSE d."parentId" END,
         CASE t."level" WHEN 'DEPARTEMENT' THEN t."id" WHEN 'COMMUNE' THEN t."parentId" END
    INTO NEW."regionId", NEW."departementId"
    FROM "territories" t LEFT JOIN "territories" d ON d."id" = t."parentId"
   WHERE t."id" = NEW."territoryId";
  RETURN NEW;
END
$$;

UPDATE "proposals" p
   SET "regionId" = CASE t."level" WHEN 'REGION' THEN t."id" WHEN 'DEPARTEMENT' THEN t."parentId" ELSE d."parentId" END,
       "departementId" = CASE t."level" WHEN 'DEPARTEMENT' THEN t."id" WHEN 'COMMUNE' THEN t."parentId" END
  FROM "territories" t LEFT JOIN "territories" d ON d."id" = t."parentId"
 WHERE t."id" = p."territoryId";

CREATE TRIGGER proposals_territory_ancestors
  BEFORE INSERT OR UPDATE OF "territoryId" ON "proposals"
  FOR EACH ROW EXECUTE FUNCTION proposal_territory_ancestors();

-- CreateIndex
CREATE INDEX "proposals_regionId_idx" ON "proposals"("regionId");

-- CreateIndex
CREATE INDEX "proposals_departementId_idx" ON "proposals"("departementId");
