-- CreateTable
CREATE TABLE "ExpertProfile" (
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
    "searchText" TEXT NOT NULL DEFAULT '',
    "sortName" TEXT NOT NULL DEFAULT '',
    "areasText" TEXT NOT NULL DEFAULT '',
    "languagesText" TEXT NOT NULL DEFAULT '',
    "deploymentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpertThematicArea" (
    "userId" TEXT NOT NULL,
    "area" TEXT NOT NULL,

    PRIMARY KEY ("userId", "area"),
    CONSTRAINT "ExpertThematicArea_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ExpertProfile" ("userId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExpertLanguage" (
    "userId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "level" TEXT NOT NULL,

    PRIMARY KEY ("userId", "language"),
    CONSTRAINT "ExpertLanguage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ExpertProfile" ("userId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RosterApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "memberState" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RosterApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RosterApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FocalPoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "memberState" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'country',
    "institutionName" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FocalPoint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expertId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Deployment_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile" ("userId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Deployment_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExpertProfile_updatedAt_idx" ON "ExpertProfile"("updatedAt");

-- CreateIndex
CREATE INDEX "ExpertProfile_status_sortName_idx" ON "ExpertProfile"("status", "sortName");

-- CreateIndex
CREATE INDEX "ExpertProfile_status_memberState_sortName_idx" ON "ExpertProfile"("status", "memberState", "sortName");

-- CreateIndex
CREATE INDEX "ExpertProfile_status_institutionType_idx" ON "ExpertProfile"("status", "institutionType");

-- CreateIndex
CREATE INDEX "ExpertProfile_status_confirmedAt_idx" ON "ExpertProfile"("status", "confirmedAt");

-- CreateIndex
CREATE INDEX "ExpertProfile_memberState_status_idx" ON "ExpertProfile"("memberState", "status");

-- CreateIndex
CREATE INDEX "ExpertThematicArea_area_userId_idx" ON "ExpertThematicArea"("area", "userId");

-- CreateIndex
CREATE INDEX "ExpertLanguage_language_userId_idx" ON "ExpertLanguage"("language", "userId");

-- CreateIndex
CREATE INDEX "RosterApplication_status_memberState_createdAt_idx" ON "RosterApplication"("status", "memberState", "createdAt");

-- CreateIndex
CREATE INDEX "RosterApplication_userId_createdAt_idx" ON "RosterApplication"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "FocalPoint_memberState_idx" ON "FocalPoint"("memberState");

-- CreateIndex
CREATE UNIQUE INDEX "FocalPoint_userId_memberState_key" ON "FocalPoint"("userId", "memberState");

-- CreateIndex
CREATE INDEX "Deployment_expertId_startDate_idx" ON "Deployment"("expertId", "startDate");

-- CreateIndex
CREATE INDEX "Deployment_actionId_idx" ON "Deployment"("actionId");

