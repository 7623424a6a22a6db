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

