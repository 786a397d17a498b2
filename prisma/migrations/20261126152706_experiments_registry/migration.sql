-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('RUNNING', 'ENDED', 'STOPPED');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('JOBS', 'RENEWABLE_ENERGY', 'LOCAL_SAVINGS', 'CO2_AVOIDED', 'WASTE_AVOIDED', 'PEOPLE_REACHED', 'OTHER');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('FTE', 'JOBS', 'KWH', 'MWH', 'EUR', 'TONNE_CO2E', 'TONNE', 'PEOPLE', 'HOUSEHOLDS', 'PERCENT', 'COUNT');

-- AlterTable
ALTER TABLE "consultations" ADD COLUMN     "organisationId" UUID;

-- CreateTable
CREATE TABLE "consultation_moderators" (
    "consultationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultation_moderators_pkey" PRIMARY KEY ("consultationId","userId")
);

-- CreateTable
CREATE TABLE "experiments" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ExperimentStatus" NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "measurementsCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "experiments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiment_territories" (
    "experimentId" UUID NOT NULL,
    "territoryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "experiment_territories_pkey" PRIMARY KEY ("experimentId","territoryId")
);

-- CreateTable
CREATE TABLE "experiment_themes" (
    "experimentId" UUID NOT NULL,
    "themeId" UUID NOT NULL,

    CONSTRAINT "experiment_themes_pkey" PRIMARY KEY ("experimentId","themeId")
);

-- CreateTable
CREATE TABLE "experiment_partners" (
    "experimentId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "experiment_partners_pkey" PRIMARY KEY ("experimentId","organisationId")
);

-- CreateTable
CREATE TABLE "indicators" (
    "id" UUID NOT NULL,
    "experimentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "kind" "IndicatorKind" NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "baseline" DOUBLE PRECISION,
    "baselineOn" DATE,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measurements" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "measuredOn" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "checkedById" UUID,

    CONSTRAINT "measurements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experiment_changes" (
    "id" UUID NOT NULL,
    "experimentId" UUID NOT NULL,
    "actorId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" UUID NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "experiment_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_experiments" (
    "proposalId" UUID NOT NULL,
    "experimentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_experiments_pkey" PRIMARY KEY ("proposalId","experimentId")
);

-- CreateIndex
CREATE INDEX "consultation_moderators_userId_idx" ON "consultation_moderators"("userId");

-- CreateIndex
CREATE INDEX "experiments_organisationId_idx" ON "experiments"("organisationId");

-- CreateIndex
CREATE INDEX "experiments_updatedAt_id_idx" ON "experiments"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "experiment_territories_territoryId_idx" ON "experiment_territories"("territoryId");

-- CreateIndex
CREATE INDEX "experiment_themes_themeId_idx" ON "experiment_themes"("themeId");

-- CreateIndex
CREATE INDEX "experiment_partners_organisationId_idx" ON "experiment_partners"("organisationId");

-- CreateIndex
CREATE INDEX "indicators_kind_idx" ON "indicators"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "indicators_experimentId_position_key" ON "indicators"("experimentId", "position");

-- CreateIndex
CREATE INDEX "measurements_indicatorId_measuredOn_recordedAt_idx" ON "measurements"("indicatorId", "measuredOn", "recordedAt");

-- CreateIndex
CREATE INDEX "experiment_changes_experimentId_createdAt_id_idx" ON "experiment_changes"("experimentId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "proposal_experiments_experimentId_idx" ON "proposal_experiments"("experimentId");

-- AddForeignKey
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_moderators" ADD CONSTRAINT "consultation_moderators_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultation_moderators" ADD CONSTRAINT "consultation_moderators_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_territories" ADD CONSTRAINT "experiment_territories_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_territories" ADD CONSTRAINT "experiment_territories_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_themes" ADD CONSTRAINT "experiment_themes_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_themes" ADD CONSTRAINT "experiment_themes_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "themes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_partners" ADD CONSTRAINT "experiment_partners_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_partners" ADD CONSTRAINT "experiment_partners_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measurements" ADD CONSTRAINT "measurements_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_changes" ADD CONSTRAINT "experiment_changes_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experiment_changes" ADD CONSTRAINT "experiment_changes_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_experiments" ADD CONSTRAINT "proposal_experiments_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_experiments" ADD CONSTRAINT "proposal_experiments_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "experiments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
