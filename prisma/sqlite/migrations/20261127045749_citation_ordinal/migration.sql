-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MessageCitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" INTEGER NOT NULL,
    "artifactId" INTEGER NOT NULL,
    "chunkId" INTEGER,
    "score" REAL NOT NULL,
    "trustScore" REAL NOT NULL,
    "ordinal" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "MessageCitation_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "ChatMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MessageCitation_artifactId_fkey" FOREIGN KEY ("artifactId") REFERENCES "KnowledgeArtifact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MessageCitation" ("artifactId", "chunkId", "id", "messageId", "score", "trustScore") SELECT "artifactId", "chunkId", "id", "messageId", "score", "trustScore" FROM "MessageCitation";
DROP TABLE "MessageCitation";
ALTER TABLE "new_MessageCitation" RENAME TO "MessageCitation";
CREATE INDEX "MessageCitation_messageId_idx" ON "MessageCitation"("messageId");
CREATE INDEX "MessageCitation_artifactId_idx" ON "MessageCitation"("artifactId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: answers saved before this column kept their [n] in "score".
UPDATE "MessageCitation" SET "ordinal" = CAST("score" AS INTEGER);
