-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Resource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "externalUrl" TEXT NOT NULL DEFAULT '',
    "fileKey" TEXT,
    "fileName" TEXT,
    "fileType" TEXT,
    "fileSize" INTEGER,
    "topic" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT 'en',
    "featuredAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "fileText" TEXT,
    CONSTRAINT "Resource_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Resource" ("body", "createdAt", "createdById", "externalUrl", "featuredAt", "fileKey", "fileName", "fileSize", "fileType", "hiddenAt", "hiddenReason", "id", "language", "region", "summary", "title", "topic", "updatedAt") SELECT "body", "createdAt", "createdById", "externalUrl", "featuredAt", "fileKey", "fileName", "fileSize", "fileType", "hiddenAt", "hiddenReason", "id", "language", "region", "summary", "title", "topic", "updatedAt" FROM "Resource";
DROP TABLE "Resource";
ALTER TABLE "new_Resource" RENAME TO "Resource";
CREATE INDEX "Resource_topic_createdAt_idx" ON "Resource"("topic", "createdAt");
CREATE INDEX "Resource_featuredAt_idx" ON "Resource"("featuredAt");
CREATE INDEX "Resource_createdAt_idx" ON "Resource"("createdAt");
CREATE TABLE "new_ExpertProfile" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "memberState" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "institutionType" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "photoPath" TEXT,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "availableUntil" DATETIME,
    "gender" TEXT,
    "visibility" TEXT NOT NULL DEFAULT 'network',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "confirmedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" DATETIME,
    "sortName" TEXT NOT NULL DEFAULT '',
    "areasText" TEXT NOT NULL DEFAULT '',
    "languagesText" TEXT NOT NULL DEFAULT '',
    "deploymentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ExpertProfile" ("areasText", "available", "availableUntil", "bio", "confirmedAt", "createdAt", "deploymentCount", "gender", "institution", "institutionType", "languagesText", "memberState", "photoPath", "position", "reminderSentAt", "sortName", "status", "updatedAt", "userId", "visibility") SELECT "areasText", "available", "availableUntil", "bio", "confirmedAt", "createdAt", "deploymentCount", "gender", "institution", "institutionType", "languagesText", "memberState", "photoPath", "position", "reminderSentAt", "sortName", "status", "updatedAt", "userId", "visibility" FROM "ExpertProfile";
DROP TABLE "ExpertProfile";
ALTER TABLE "new_ExpertProfile" RENAME TO "ExpertProfile";
CREATE INDEX "ExpertProfile_updatedAt_idx" ON "ExpertProfile"("updatedAt");
CREATE INDEX "ExpertProfile_status_sortName_idx" ON "ExpertProfile"("status", "sortName");
CREATE INDEX "ExpertProfile_status_memberState_sortName_idx" ON "ExpertProfile"("status", "memberState", "sortName");
CREATE INDEX "ExpertProfile_status_institutionType_idx" ON "ExpertProfile"("status", "institutionType");
CREATE INDEX "ExpertProfile_status_confirmedAt_idx" ON "ExpertProfile"("status", "confirmedAt");
CREATE INDEX "ExpertProfile_memberState_status_idx" ON "ExpertProfile"("memberState", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

