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

