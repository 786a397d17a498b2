-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "AmendmentVoteValue" AS ENUM ('FOR', 'AGAINST');

-- CreateEnum
CREATE TYPE "CoAuthorStatus" AS ENUM ('INVITED', 'ACCEPTED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'AMENDMENT_PROPOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'AMENDMENT_VOTED';
ALTER TYPE "NotificationKind" ADD VALUE 'AMENDMENT_DECIDED';
ALTER TYPE "NotificationKind" ADD VALUE 'COAUTHOR_INVITED';
ALTER TYPE "NotificationKind" ADD VALUE 'COAUTHOR_ANSWERED';

-- AlterTable
ALTER TABLE "proposal_revisions" ADD COLUMN     "amendmentId" UUID;

-- CreateTable
CREATE TABLE "amendments" (
    "id" UUID NOT NULL,
    "proposalId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'PENDING',
    "votesFor" INTEGER NOT NULL DEFAULT 0,
    "votesAgainst" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "decisionReason" TEXT,
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "amendments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amendment_votes" (
    "amendmentId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "value" "AmendmentVoteValue" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "amendment_votes_pkey" PRIMARY KEY ("amendmentId","userId")
);

-- CreateTable
CREATE TABLE "proposal_coauthors" (
    "proposalId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "invitedById" UUID NOT NULL,
    "status" "CoAuthorStatus" NOT NULL DEFAULT 'INVITED',
    "amendmentId" UUID,
    "invitedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "proposal_coauthors_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateIndex
CREATE INDEX "amendments_proposalId_status_createdAt_idx" ON "amendments"("proposalId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "amendments_authorId_idx" ON "amendments"("authorId");

-- CreateIndex
CREATE INDEX "amendment_votes_userId_idx" ON "amendment_votes"("userId");

-- CreateIndex
CREATE INDEX "proposal_coauthors_userId_status_idx" ON "proposal_coauthors"("userId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "proposal_revisions_amendmentId_key" ON "proposal_revisions"("amendmentId");

-- AddForeignKey
ALTER TABLE "proposal_revisions" ADD CONSTRAINT "proposal_revisions_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "amendments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendment_votes" ADD CONSTRAINT "amendment_votes_amendmentId_fkey" FOREIGN KEY ("amendmentId") REFERENCES "amendments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amendment_votes" ADD CONSTRAINT "amendment_votes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_coauthors" ADD CONSTRAINT "proposal_coauthors_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "proposals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_coauthors" ADD CONSTRAINT "proposal_coauthors_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "proposal_coauthors" ADD CONSTRAINT "proposal_coauthors_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

