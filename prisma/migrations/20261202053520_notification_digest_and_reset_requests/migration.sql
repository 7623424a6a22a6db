-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "digestCount" INTEGER;
ALTER TABLE "Notification" ADD COLUMN "digestKey" TEXT;

-- CreateTable
CREATE TABLE "PasswordResetRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PasswordResetRequest_createdAt_idx" ON "PasswordResetRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_digestKey_key" ON "Notification"("digestKey");

