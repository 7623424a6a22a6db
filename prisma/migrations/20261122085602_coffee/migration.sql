-- CreateTable
CREATE TABLE "CoffeeRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "listPublicly" BOOLEAN NOT NULL DEFAULT false,
    "attended" BOOLEAN,
    "sequenceOffset" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CoffeeRegistration_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoffeeRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoffeeSpeaker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CoffeeSpeaker_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoffeeSpeaker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoffeeSpotlight" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coffeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "highlights" TEXT NOT NULL DEFAULT '',
    "migrationContext" TEXT NOT NULL DEFAULT '',
    "actionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CoffeeSpotlight_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoffeeSpotlight_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoffeeReminderClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoffeeReminderClaim_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "CoffeeRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoffeeFeedback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CoffeeFeedback_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoffeeFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CoffeeCalendarFeed" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CoffeeCalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MorningCoffee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" DATETIME NOT NULL,
    "durationMinutes" INTEGER NOT NULL DEFAULT 90,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Brussels',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "qaMode" TEXT NOT NULL DEFAULT 'open',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "meetingUrl" TEXT NOT NULL DEFAULT '',
    "linkVisibleMinutes" INTEGER NOT NULL DEFAULT 15,
    "capacity" INTEGER,
    "registrationClosesAt" DATETIME,
    "agenda" TEXT NOT NULL DEFAULT '',
    "recordingUrl" TEXT NOT NULL DEFAULT '',
    "outcome" TEXT NOT NULL DEFAULT '',
    "reminderOffsets" TEXT NOT NULL DEFAULT '1440,60',
    "actionId" TEXT,
    "publishedAt" DATETIME,
    "cancelledAt" DATETIME,
    CONSTRAINT "MorningCoffee_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_MorningCoffee" ("createdAt", "createdById", "description", "durationMinutes", "id", "qaMode", "sequence", "slug", "startsAt", "status", "summary", "timezone", "title", "updatedAt") SELECT "createdAt", "createdById", "description", "durationMinutes", "id", "qaMode", "sequence", "slug", "startsAt", "status", "summary", "timezone", "title", "updatedAt" FROM "MorningCoffee";
DROP TABLE "MorningCoffee";
ALTER TABLE "new_MorningCoffee" RENAME TO "MorningCoffee";
CREATE UNIQUE INDEX "MorningCoffee_slug_key" ON "MorningCoffee"("slug");
CREATE INDEX "MorningCoffee_status_startsAt_idx" ON "MorningCoffee"("status", "startsAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CoffeeRegistration_coffeeId_status_queuedAt_idx" ON "CoffeeRegistration"("coffeeId", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "CoffeeRegistration_userId_idx" ON "CoffeeRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CoffeeRegistration_coffeeId_userId_key" ON "CoffeeRegistration"("coffeeId", "userId");

-- CreateIndex
CREATE INDEX "CoffeeSpeaker_coffeeId_position_idx" ON "CoffeeSpeaker"("coffeeId", "position");

-- CreateIndex
CREATE INDEX "CoffeeSpotlight_coffeeId_position_idx" ON "CoffeeSpotlight"("coffeeId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CoffeeReminderClaim_registrationId_offsetMinutes_startsAt_key" ON "CoffeeReminderClaim"("registrationId", "offsetMinutes", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "CoffeeFeedback_coffeeId_userId_key" ON "CoffeeFeedback"("coffeeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CoffeeCalendarFeed_tokenHash_key" ON "CoffeeCalendarFeed"("tokenHash");

