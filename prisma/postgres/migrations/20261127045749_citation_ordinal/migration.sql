-- AlterTable
ALTER TABLE "MessageCitation" ADD COLUMN     "ordinal" INTEGER NOT NULL DEFAULT 0;

-- Hand-written: answers saved before this column kept their [n] in "score".
UPDATE "MessageCitation" SET "ordinal" = CAST("score" AS INTEGER);
