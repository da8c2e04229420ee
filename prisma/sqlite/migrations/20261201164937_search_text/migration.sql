-- AlterTable
ALTER TABLE "KnowledgeChunk" ADD COLUMN "searchText" TEXT;

-- Hand-written: the full-text index now holds "searchText", the words lib/text/tokenize.ts
-- made of the passage (normalised, stop-words out, stemmed in the passage's language), and
-- tokenises them plainly: no porter, no diacritics folded, combining marks kept inside a word
-- (Thai, Devanagari, Arabic vowel signs), exactly as PostgreSQL's `simple` configuration
-- sees them. A NULL "searchText" (a row from before this migration, until the backfill in
-- lib/knowledge/backfill-search-text.ts writes it) is indexed as nothing.
DROP TRIGGER "KnowledgeChunk_fts_insert";
DROP TRIGGER "KnowledgeChunk_fts_delete";
DROP TRIGGER "KnowledgeChunk_fts_update";
DROP TABLE "KnowledgeChunkFts";

CREATE VIRTUAL TABLE "KnowledgeChunkFts" USING fts5("searchText", content='KnowledgeChunk', content_rowid='id', tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'");

CREATE TRIGGER "KnowledgeChunk_fts_insert" AFTER INSERT ON "KnowledgeChunk" WHEN new."searchText" IS NOT NULL BEGIN
    INSERT INTO "KnowledgeChunkFts"(rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "KnowledgeChunk_fts_delete" AFTER DELETE ON "KnowledgeChunk" WHEN old."searchText" IS NOT NULL BEGIN
    INSERT INTO "KnowledgeChunkFts"("KnowledgeChunkFts", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "KnowledgeChunk_fts_update" AFTER UPDATE OF "searchText" ON "KnowledgeChunk" BEGIN
    INSERT INTO "KnowledgeChunkFts"("KnowledgeChunkFts", rowid, "searchText") SELECT 'delete', old."id", old."searchText" WHERE old."searchText" IS NOT NULL;
    INSERT INTO "KnowledgeChunkFts"(rowid, "searchText") SELECT new."id", new."searchText" WHERE new."searchText" IS NOT NULL;
END;
