-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN "error" TEXT;
ALTER TABLE "ApprovalRequest" ADD COLUMN "executedAt" DATETIME;
ALTER TABLE "ApprovalRequest" ADD COLUMN "expiresAt" DATETIME;
ALTER TABLE "ApprovalRequest" ADD COLUMN "result" JSONB;

-- CreateTable
CREATE TABLE "LogTreeNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    PRIMARY KEY ("level", "index")
);

-- CreateTable
CREATE TABLE "TreeHeadWitness" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treeSize" INTEGER NOT NULL,
    "witnessUrl" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "keyId" TEXT NOT NULL DEFAULT '',
    "countersignature" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WitnessedHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "logKeyId" TEXT NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" DATETIME NOT NULL,
    "signature" TEXT NOT NULL,
    "countersignature" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Hand-edited: columns are added in place, not by copying the table. Copying LogEntry would drop
-- its append-only triggers (and rewrite every entry); the others keep their rows as they are.
ALTER TABLE "GovernancePolicy" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 100;
DROP INDEX "GovernancePolicy_actionType_enabled_idx";
CREATE INDEX "GovernancePolicy_actionType_enabled_priority_idx" ON "GovernancePolicy"("actionType", "enabled", "priority");

ALTER TABLE "LogEntry" ADD COLUMN "signature" TEXT NOT NULL DEFAULT '';
ALTER TABLE "LogEntry" ADD COLUMN "keyId" TEXT NOT NULL DEFAULT '';

ALTER TABLE "SecurityEvent" ADD COLUMN "target" TEXT NOT NULL DEFAULT '';
ALTER TABLE "SecurityEvent" ADD COLUMN "taskId" INTEGER;

ALTER TABLE "SecurityRule" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'regex';
ALTER TABLE "SecurityRule" ADD COLUMN "threshold" INTEGER;
ALTER TABLE "SecurityRule" ADD COLUMN "windowSeconds" INTEGER;

-- TreeHead was never written before: redefined (SQLite cannot add a column defaulting to the time).
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TreeHead" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "signedMessage" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_TreeHead" ("createdAt", "id", "keyId", "rootHash", "signature", "treeSize") SELECT "createdAt", "id", "keyId", "rootHash", "signature", "treeSize" FROM "TreeHead";
DROP TABLE "TreeHead";
ALTER TABLE "new_TreeHead" RENAME TO "TreeHead";
CREATE UNIQUE INDEX "TreeHead_treeSize_key" ON "TreeHead"("treeSize");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TreeHeadWitness_treeSize_idx" ON "TreeHeadWitness"("treeSize");

-- CreateIndex
CREATE UNIQUE INDEX "WitnessedHead_logKeyId_treeSize_key" ON "WitnessedHead"("logKeyId", "treeSize");
