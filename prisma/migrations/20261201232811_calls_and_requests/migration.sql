-- CreateTable
CREATE TABLE "ExpertCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "partnerCountry" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "thematicArea" TEXT NOT NULL,
    "profileSought" TEXT NOT NULL,
    "languagesText" TEXT NOT NULL DEFAULT '',
    "expertsNeeded" INTEGER NOT NULL,
    "selectedCount" INTEGER NOT NULL DEFAULT 0,
    "missionStart" DATETIME NOT NULL,
    "missionEnd" DATETIME,
    "format" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExpertCall_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExpertCall_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallInterest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "callId" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'interested',
    "decisionMessage" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "endorsed" BOOLEAN NOT NULL DEFAULT false,
    "focalComment" TEXT,
    "focalById" TEXT,
    "deploymentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CallInterest_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ExpertCall" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallInterest_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CallInterest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CallInterest_focalById_fkey" FOREIGN KEY ("focalById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExchangeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submitterId" TEXT,
    "memberState" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "euInstitutions" TEXT NOT NULL,
    "partnerInstitutions" TEXT NOT NULL,
    "thematicArea" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "actionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExchangeRequest_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ExchangeRequest_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "toStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestComment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExchangeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExpertCall_deadline_idx" ON "ExpertCall"("deadline");

-- CreateIndex
CREATE INDEX "ExpertCall_actionId_idx" ON "ExpertCall"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "CallInterest_deploymentId_key" ON "CallInterest"("deploymentId");

-- CreateIndex
CREATE INDEX "CallInterest_expertId_idx" ON "CallInterest"("expertId");

-- CreateIndex
CREATE UNIQUE INDEX "CallInterest_callId_expertId_key" ON "CallInterest"("callId", "expertId");

-- CreateIndex
CREATE INDEX "ExchangeRequest_status_createdAt_idx" ON "ExchangeRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ExchangeRequest_submitterId_idx" ON "ExchangeRequest"("submitterId");

-- CreateIndex
CREATE INDEX "ExchangeRequest_memberState_idx" ON "ExchangeRequest"("memberState");

-- CreateIndex
CREATE INDEX "RequestComment_requestId_createdAt_idx" ON "RequestComment"("requestId", "createdAt");

