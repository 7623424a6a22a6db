-- The search index (app/modules/search, decision 110): derived data, rebuilt by `npm run cli -- search:reindex`.
-- Not a Prisma model (a generated tsvector column, a text search configuration): written by hand, and the
-- drift test leaves every `search_` table out of its comparison.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION search_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION search_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TABLE "search_document" (
    "type" TEXT NOT NULL,
    "ref_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "owner_id" TEXT,
    "member_state" TEXT,
    "profile_status" TEXT,
    "profile_visibility" TEXT,
    "vec" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('search_english'::regconfig, "title"), 'A') || setweight(to_tsvector('search_english'::regconfig, "body"), 'B')) STORED,
    PRIMARY KEY ("type", "ref_id")
);
CREATE INDEX "search_document_vec_idx" ON "search_document" USING gin ("vec");
