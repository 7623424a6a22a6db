-- ==== from 20261201223310_library_spotlights_actions
-- CreateTable
CREATE TABLE "ActionImpactArea" (
    "actionId" TEXT NOT NULL,
    "area" TEXT NOT NULL,

    PRIMARY KEY ("actionId", "area"),
    CONSTRAINT "ActionImpactArea_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Spotlight" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "highlights" TEXT NOT NULL DEFAULT '',
    "achievements" TEXT NOT NULL DEFAULT '',
    "migrationContext" TEXT NOT NULL DEFAULT '',
    "actionId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Spotlight_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Spotlight_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resource" (
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
    "searchText" TEXT NOT NULL DEFAULT '',
    "featuredAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Resource_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResourceTag" (
    "resourceId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("resourceId", "tag"),
    CONSTRAINT "ResourceTag_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "partnerCountry" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "thematicArea" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "startDate" DATETIME,
    "endDate" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Action" ("code", "createdAt", "endDate", "id", "partnerCountry", "region", "slug", "startDate", "summary", "thematicArea", "title", "updatedAt") SELECT "code", "createdAt", "endDate", "id", "partnerCountry", "region", "slug", "startDate", "summary", "thematicArea", "title", "updatedAt" FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE UNIQUE INDEX "Action_code_key" ON "Action"("code");
CREATE UNIQUE INDEX "Action_slug_key" ON "Action"("slug");
CREATE INDEX "Action_region_idx" ON "Action"("region");
CREATE INDEX "Action_thematicArea_idx" ON "Action"("thematicArea");
CREATE TABLE "new_CoffeeSpotlight" (
    "coffeeId" TEXT NOT NULL,
    "spotlightId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("coffeeId", "spotlightId"),
    CONSTRAINT "CoffeeSpotlight_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoffeeSpotlight_spotlightId_fkey" FOREIGN KEY ("spotlightId") REFERENCES "Spotlight" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Each Spotlight written inside a session becomes a Spotlight of its own, linked to that session;
-- it is published when its session was (the only way it was visible before).
INSERT INTO "Spotlight" ("id", "slug", "title", "country", "highlights", "migrationContext", "actionId", "status", "publishedAt", "createdById", "createdAt", "updatedAt")
SELECT s."id", 'spotlight-' || s."id", s."title", s."country", s."highlights", s."migrationContext", s."actionId",
       CASE WHEN c."status" IN ('published', 'held', 'archived') THEN 'published' ELSE 'draft' END,
       CASE WHEN c."status" IN ('published', 'held', 'archived') THEN c."publishedAt" ELSE NULL END,
       c."createdById", c."createdAt", c."updatedAt"
FROM "CoffeeSpotlight" s JOIN "MorningCoffee" c ON c."id" = s."coffeeId";
INSERT INTO "new_CoffeeSpotlight" ("coffeeId", "spotlightId", "position") SELECT "coffeeId", "id", "position" FROM "CoffeeSpotlight";
DROP TABLE "CoffeeSpotlight";
ALTER TABLE "new_CoffeeSpotlight" RENAME TO "CoffeeSpotlight";
CREATE INDEX "CoffeeSpotlight_spotlightId_idx" ON "CoffeeSpotlight"("spotlightId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Spotlight_slug_key" ON "Spotlight"("slug");

-- CreateIndex
CREATE INDEX "Spotlight_status_publishedAt_idx" ON "Spotlight"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Spotlight_actionId_idx" ON "Spotlight"("actionId");

-- CreateIndex
CREATE INDEX "Resource_topic_createdAt_idx" ON "Resource"("topic", "createdAt");

-- CreateIndex
CREATE INDEX "Resource_featuredAt_idx" ON "Resource"("featuredAt");

-- CreateIndex
CREATE INDEX "Resource_createdAt_idx" ON "Resource"("createdAt");

-- CreateIndex
CREATE INDEX "ResourceTag_tag_idx" ON "ResourceTag"("tag");


-- ==== from 20261201223459_coffee_replies_and_invite_choice
-- AlterTable
ALTER TABLE "CoffeeRegistration" ADD COLUMN "acceptedAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CoffeeCalendarFeed" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sendInvites" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "CoffeeCalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CoffeeCalendarFeed" ("createdAt", "tokenHash", "userId") SELECT "createdAt", "tokenHash", "userId" FROM "CoffeeCalendarFeed";
DROP TABLE "CoffeeCalendarFeed";
ALTER TABLE "new_CoffeeCalendarFeed" RENAME TO "CoffeeCalendarFeed";
CREATE UNIQUE INDEX "CoffeeCalendarFeed_tokenHash_key" ON "CoffeeCalendarFeed"("tokenHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- ==== from 20261201230230_coffee_join_code
-- AlterTable
ALTER TABLE "MorningCoffee" ADD COLUMN "joinCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MorningCoffee_joinCode_key" ON "MorningCoffee"("joinCode");


-- ==== from 20261201234228_community_posts
-- AlterTable
ALTER TABLE "User" ADD COLUMN "suspendedUntil" DATETIME;

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "subjectUrl" TEXT NOT NULL,
    "subjectTitle" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostTag" (
    "postId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    PRIMARY KEY ("postId", "kind", "value"),
    CONSTRAINT "PostTag_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "editorId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PostRevision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "authorId" TEXT,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PostComment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PostComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PostComment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reaction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Reaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Report_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommunitySetting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'update',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "memberState" TEXT,
    "actionId" TEXT,
    "thematicAreas" TEXT NOT NULL DEFAULT '',
    "coverImage" TEXT,
    "coverAlt" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "status" TEXT NOT NULL DEFAULT 'published',
    "pinnedAt" DATETIME,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "coffeeId" TEXT,
    "sourceQuestionId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_sourceQuestionId_fkey" FOREIGN KEY ("sourceQuestionId") REFERENCES "QaQuestion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Post" ("authorId", "body", "coffeeId", "createdAt", "id", "kind", "sourceQuestionId", "title", "updatedAt") SELECT "authorId", "body", "coffeeId", "createdAt", "id", "kind", "sourceQuestionId", "title", "updatedAt" FROM "Post";
DROP TABLE "Post";
ALTER TABLE "new_Post" RENAME TO "Post";
CREATE INDEX "Post_kind_createdAt_idx" ON "Post"("kind", "createdAt");
CREATE INDEX "Post_coffeeId_idx" ON "Post"("coffeeId");
CREATE INDEX "Post_createdAt_id_idx" ON "Post"("createdAt", "id");
CREATE INDEX "Post_memberState_createdAt_idx" ON "Post"("memberState", "createdAt");
CREATE INDEX "Post_actionId_createdAt_idx" ON "Post"("actionId", "createdAt");
CREATE INDEX "Post_pinnedAt_idx" ON "Post"("pinnedAt");
CREATE INDEX "Post_authorId_idx" ON "Post"("authorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_subjectType_subjectId_idx" ON "Notification"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "PostTag_kind_value_postId_idx" ON "PostTag"("kind", "value", "postId");

-- CreateIndex
CREATE INDEX "PostRevision_postId_createdAt_idx" ON "PostRevision"("postId", "createdAt");

-- CreateIndex
CREATE INDEX "PostComment_postId_createdAt_idx" ON "PostComment"("postId", "createdAt");

-- CreateIndex
CREATE INDEX "Reaction_targetType_targetId_idx" ON "Reaction"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_targetType_targetId_userId_kind_key" ON "Reaction"("targetType", "targetId", "userId", "kind");

-- CreateIndex
CREATE INDEX "Report_status_createdAt_idx" ON "Report"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Report_targetType_targetId_idx" ON "Report"("targetType", "targetId");


-- ==== from 20261201232811_calls_and_requests
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

