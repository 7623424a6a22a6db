-- AlterTable
ALTER TABLE "Resource" DROP COLUMN "searchText",
ADD COLUMN     "fileText" TEXT;

-- AlterTable
ALTER TABLE "ExpertProfile" DROP COLUMN "searchText";

