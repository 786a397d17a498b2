-- AlterEnum
ALTER TYPE "ReportTargetType" ADD VALUE 'AMENDMENT';

-- AlterTable
ALTER TABLE "amendments" ADD COLUMN     "hiddenAt" TIMESTAMP(3),
ADD COLUMN     "openReportsCount" INTEGER NOT NULL DEFAULT 0;
