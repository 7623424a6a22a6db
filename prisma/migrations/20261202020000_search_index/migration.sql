-- The search index (app/modules/search, decision 110): derived data, rebuilt by `npm run cli -- search:reindex`.
-- Not a Prisma model: Prisma has no form for an FTS5 virtual table, so these tables are written here by hand
-- and the drift test (tests/integration/migrations.test.ts) leaves every `search_` table out of its comparison.
CREATE TABLE "search_document" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "owner_id" TEXT,
    "member_state" TEXT,
    "profile_status" TEXT,
    "profile_visibility" TEXT
);
CREATE UNIQUE INDEX "search_document_type_ref_id_key" ON "search_document"("type", "ref_id");
CREATE VIRTUAL TABLE "search_fts" USING fts5(title, body, tokenize = "porter unicode61 remove_diacritics 2", prefix = '2 3 4');
