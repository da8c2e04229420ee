-- AlterTable (a column with a constant default: SQLite adds it in place, no table rebuild)
ALTER TABLE "ChatMessage" ADD COLUMN "fallback" BOOLEAN NOT NULL DEFAULT false;
