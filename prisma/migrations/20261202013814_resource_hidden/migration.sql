-- AlterTable
ALTER TABLE "Resource" ADD COLUMN "hiddenAt" DATETIME;
ALTER TABLE "Resource" ADD COLUMN "hiddenReason" TEXT;

