-- AlterTable
ALTER TABLE "MorningCoffee" ADD COLUMN "joinCode" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "MorningCoffee_joinCode_key" ON "MorningCoffee"("joinCode");

