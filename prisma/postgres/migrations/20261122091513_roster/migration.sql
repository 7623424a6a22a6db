-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'update',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "coffeeId" TEXT,
    "sourceQuestionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QaQuestion" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "authorId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'approved',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "voteCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QaQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QaVote" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaVote_pkey" PRIMARY KEY ("questionId","userId")
);

-- CreateTable
CREATE TABLE "QaRole" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpertProfile" (
    "userId" TEXT NOT NULL,
    "memberState" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "institutionType" TEXT NOT NULL,
    "position" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "photoPath" TEXT,
    "available" BOOLEAN NOT NULL DEFAULT false,
    "availableUntil" TIMESTAMP(3),
    "gender" TEXT,
    "visibility" TEXT NOT NULL DEFAULT 'network',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "confirmedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reminderSentAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "sortName" TEXT NOT NULL DEFAULT '',
    "areasText" TEXT NOT NULL DEFAULT '',
    "languagesText" TEXT NOT NULL DEFAULT '',
    "deploymentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExpertProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ExpertThematicArea" (
    "userId" TEXT NOT NULL,
    "area" TEXT NOT NULL,

    CONSTRAINT "ExpertThematicArea_pkey" PRIMARY KEY ("userId","area")
);

-- CreateTable
CREATE TABLE "ExpertLanguage" (
    "userId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "level" TEXT NOT NULL,

    CONSTRAINT "ExpertLanguage_pkey" PRIMARY KEY ("userId","language")
);

-- CreateTable
CREATE TABLE "RosterApplication" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "memberState" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RosterApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FocalPoint" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "memberState" TEXT NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'country',
    "institutionName" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FocalPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Post_kind_createdAt_idx" ON "Post"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Post_coffeeId_idx" ON "Post"("coffeeId");

-- CreateIndex
CREATE INDEX "QaQuestion_coffeeId_status_idx" ON "QaQuestion"("coffeeId", "status");

-- CreateIndex
CREATE INDEX "QaQuestion_coffeeId_createdAt_idx" ON "QaQuestion"("coffeeId", "createdAt");

-- CreateIndex
CREATE INDEX "QaQuestion_authorId_idx" ON "QaQuestion"("authorId");

-- CreateIndex
CREATE INDEX "QaVote_userId_idx" ON "QaVote"("userId");

-- CreateIndex
CREATE INDEX "QaRole_userId_idx" ON "QaRole"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "QaRole_coffeeId_userId_role_key" ON "QaRole"("coffeeId", "userId", "role");

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

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "QaQuestion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaQuestion" ADD CONSTRAINT "QaQuestion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaQuestion" ADD CONSTRAINT "QaQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaVote" ADD CONSTRAINT "QaVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QaQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaVote" ADD CONSTRAINT "QaVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QaRole" ADD CONSTRAINT "QaRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertProfile" ADD CONSTRAINT "ExpertProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertThematicArea" ADD CONSTRAINT "ExpertThematicArea_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ExpertProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpertLanguage" ADD CONSTRAINT "ExpertLanguage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "ExpertProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterApplication" ADD CONSTRAINT "RosterApplication_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterApplication" ADD CONSTRAINT "RosterApplication_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FocalPoint" ADD CONSTRAINT "FocalPoint_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "ExpertProfile"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

