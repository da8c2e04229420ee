-- AlterTable
ALTER TABLE "KnowledgeChunk" ADD COLUMN     "searchText" TEXT;

-- Hand-written: the tsvector now holds "searchText", the words lib/text/tokenize.ts made of
-- the passage (normalised, stop-words out, stemmed in the passage's language), parsed by the
-- `simple` configuration (no stemming, no stop-words), so PostgreSQL sees exactly the words
-- SQLite's FTS5 sees. A NULL "searchText" (a row from before this migration, until the
-- backfill in lib/knowledge/backfill-search-text.ts writes it) is indexed as nothing. The
-- old `english` vectors go: the backfill writes every row again.
CREATE OR REPLACE FUNCTION "grace_chunk_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."searchText" IS NULL THEN
        DELETE FROM "KnowledgeChunkSearch" WHERE "chunkId" = NEW."id";
    ELSE
        INSERT INTO "KnowledgeChunkSearch" ("chunkId", "document") VALUES (NEW."id", to_tsvector('simple', NEW."searchText"))
        ON CONFLICT ("chunkId") DO UPDATE SET "document" = EXCLUDED."document";
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER "KnowledgeChunk_search" ON "KnowledgeChunk";
CREATE TRIGGER "KnowledgeChunk_search" AFTER INSERT OR UPDATE OF "searchText" ON "KnowledgeChunk"
    FOR EACH ROW EXECUTE FUNCTION "grace_chunk_search"();

DELETE FROM "KnowledgeChunkSearch";
