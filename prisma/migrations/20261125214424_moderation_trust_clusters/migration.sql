-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('CONTENT_HIDDEN', 'CONTENT_RESTORED', 'CONTENT_APPROVED', 'CONTENT_REJECTED', 'ACCOUNT_SUSPENDED', 'ACCOUNT_REINSTATED', 'PROPOSAL_ANSWERED', 'PROPOSAL_MERGED', 'PROPOSAL_UNMERGED');

-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "awaitingReview" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "proposals" ADD COLUMN     "awaitingReview" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "clusterId" UUID;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "suspendedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedUntil" TIMESTAMP(3),
ADD COLUMN     "suspensionReason" TEXT,
ADD COLUMN     "trustedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "proposal_clusters" (
    "id" UUID NOT NULL,
    "leadProposalId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),
    "undoneById" UUID,
    "undoReason" TEXT,

    CONSTRAINT "proposal_clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "proposal_cluster_members" (
    "clusterId" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "previousStatus" "ProposalStatus" NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "proposal_cluster_members_pkey" PRIMARY KEY ("clusterId","proposalId")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "proposal_clusters_leadProposalId_idx" ON "proposal_clusters"("leadProposalId");

-- CreateIndex
CREATE INDEX "proposal_cluster_members_proposalId_idx" ON "proposal_cluster_members"("proposalId");

-- CreateIndex
CREATE INDEX "notifications_userId_createdAt_id_idx" ON "notifications"("userId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "comments_authorId_idx" ON "comments"("authorId");

-- CreateIndex
CREATE INDEX "proposals_clusterId_idx" ON "proposals"("clusterId");

-- AddForeignKey
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "proposal_clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_clusters" ADD CONSTRAINT "proposal_clusters_leadProposalId_fkey" FOREIGN KEY ("leadProposalId") REFERENCES "proposals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_clusters" ADD CONSTRAINT "proposal_clusters_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_cluster_members" ADD CONSTRAINT "proposal_cluster_members_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "proposal_clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_cluster_members" ADD CONSTRAINT "proposal_cluster_members_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: accounts that already have public contributions are not "new" for pre-moderation.
UPDATE "users" u SET "trustedAt" = first."at"
FROM (
  SELECT "authorId", MIN("createdAt") AS "at" FROM (
    SELECT "authorId", "createdAt" FROM "proposals" WHERE "hiddenAt" IS NULL
    UNION ALL
    SELECT "authorId", "createdAt" FROM "comments" WHERE "hiddenAt" IS NULL
  ) contributions GROUP BY "authorId"
) first
WHERE u.id = first."authorId";
