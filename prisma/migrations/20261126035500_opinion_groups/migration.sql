-- AlterTable
ALTER TABLE "proposals" ADD COLUMN     "scoreConsensus" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "scoreDivisive" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "opinion_group_runs" (
    "consultationId" UUID NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "votesCount" INTEGER NOT NULL,
    "groupCount" INTEGER NOT NULL,
    "silhouette" DOUBLE PRECISION,
    "participantsClustered" INTEGER NOT NULL,
    "proposalsMapped" INTEGER NOT NULL,
    "explainedVariance" DOUBLE PRECISION[],

    CONSTRAINT "opinion_group_runs_pkey" PRIMARY KEY ("consultationId")
);

-- CreateTable
CREATE TABLE "opinion_groups" (
    "consultationId" UUID NOT NULL,
    "groupId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "totalSize" INTEGER NOT NULL,

    CONSTRAINT "opinion_groups_pkey" PRIMARY KEY ("consultationId","groupId")
);

-- CreateTable
CREATE TABLE "opinion_group_members" (
    "consultationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "groupId" INTEGER,
    "isClustered" BOOLEAN NOT NULL,

    CONSTRAINT "opinion_group_members_pkey" PRIMARY KEY ("consultationId","userId")
);

-- CreateTable
CREATE TABLE "proposal_group_votes" (
    "proposalId" UUID NOT NULL,
    "groupId" INTEGER NOT NULL,
    "agree" INTEGER NOT NULL,
    "disagree" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,

    CONSTRAINT "proposal_group_votes_pkey" PRIMARY KEY ("proposalId","groupId")
);

-- CreateIndex
CREATE INDEX "opinion_group_members_userId_idx" ON "opinion_group_members"("userId");

-- CreateIndex
CREATE INDEX "proposals_scoreConsensus_id_idx" ON "proposals"("scoreConsensus" DESC, "id");

-- CreateIndex
CREATE INDEX "proposals_scoreDivisive_id_idx" ON "proposals"("scoreDivisive" DESC, "id");

-- AddForeignKey
ALTER TABLE "opinion_group_runs" ADD CONSTRAINT "opinion_group_runs_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_groups" ADD CONSTRAINT "opinion_groups_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "opinion_group_runs"("consultationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_group_members" ADD CONSTRAINT "opinion_group_members_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "consultations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion_group_members" ADD CONSTRAINT "opinion_group_members_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_group_votes" ADD CONSTRAINT "proposal_group_votes_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;
