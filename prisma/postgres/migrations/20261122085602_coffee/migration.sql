-- DropForeignKey
ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";

-- DropForeignKey
ALTER TABLE "Post" DROP CONSTRAINT "Post_sourceQuestionId_fkey";

-- DropForeignKey
ALTER TABLE "QaQuestion" DROP CONSTRAINT "QaQuestion_authorId_fkey";

-- DropForeignKey
ALTER TABLE "QaQuestion" DROP CONSTRAINT "QaQuestion_answeredById_fkey";

-- DropForeignKey
ALTER TABLE "QaVote" DROP CONSTRAINT "QaVote_questionId_fkey";

-- DropForeignKey
ALTER TABLE "QaVote" DROP CONSTRAINT "QaVote_userId_fkey";

-- DropForeignKey
ALTER TABLE "QaRole" DROP CONSTRAINT "QaRole_userId_fkey";

-- AlterTable
ALTER TABLE "MorningCoffee" ADD COLUMN     "actionId" TEXT,
ADD COLUMN     "agenda" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "capacity" INTEGER,
ADD COLUMN     "linkVisibleMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "meetingUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "outcome" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "recordingUrl" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "registrationClosesAt" TIMESTAMP(3),
ADD COLUMN     "reminderOffsets" TEXT NOT NULL DEFAULT '1440,60';

-- DropTable
DROP TABLE "Post";

-- DropTable
DROP TABLE "QaQuestion";

-- DropTable
DROP TABLE "QaVote";

-- DropTable
DROP TABLE "QaRole";

-- CreateTable
CREATE TABLE "CoffeeRegistration" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'registered',
    "listPublicly" BOOLEAN NOT NULL DEFAULT false,
    "attended" BOOLEAN,
    "sequenceOffset" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoffeeRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoffeeSpeaker" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CoffeeSpeaker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoffeeSpotlight" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "country" TEXT NOT NULL DEFAULT '',
    "highlights" TEXT NOT NULL DEFAULT '',
    "migrationContext" TEXT NOT NULL DEFAULT '',
    "actionId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CoffeeSpotlight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoffeeReminderClaim" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoffeeReminderClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoffeeFeedback" (
    "id" TEXT NOT NULL,
    "coffeeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CoffeeFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoffeeCalendarFeed" (
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoffeeCalendarFeed_pkey" PRIMARY KEY ("userId")
);

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

-- AddForeignKey
ALTER TABLE "MorningCoffee" ADD CONSTRAINT "MorningCoffee_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeRegistration" ADD CONSTRAINT "CoffeeRegistration_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeRegistration" ADD CONSTRAINT "CoffeeRegistration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeSpeaker" ADD CONSTRAINT "CoffeeSpeaker_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeSpeaker" ADD CONSTRAINT "CoffeeSpeaker_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeSpotlight" ADD CONSTRAINT "CoffeeSpotlight_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeSpotlight" ADD CONSTRAINT "CoffeeSpotlight_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeReminderClaim" ADD CONSTRAINT "CoffeeReminderClaim_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "CoffeeRegistration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeFeedback" ADD CONSTRAINT "CoffeeFeedback_coffeeId_fkey" FOREIGN KEY ("coffeeId") REFERENCES "MorningCoffee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeFeedback" ADD CONSTRAINT "CoffeeFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoffeeCalendarFeed" ADD CONSTRAINT "CoffeeCalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

