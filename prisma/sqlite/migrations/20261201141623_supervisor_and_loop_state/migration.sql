-- CreateTable
CREATE TABLE "LoopState" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastRunAt" DATETIME,
    "lastDurationMs" INTEGER,
    "lastError" TEXT,
    "cursor" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- Hand-written: keep each loop's state (its last run, duration, error and reading cursor)
-- as the state leaves LoopLease below.
INSERT INTO "LoopState" ("name", "lastRunAt", "lastDurationMs", "lastError", "cursor", "updatedAt")
SELECT "name", "lastRunAt", "lastDurationMs", "lastError", "cursor", strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM "LoopLease";

-- CreateTable
CREATE TABLE "SupervisedProcess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "supervisor" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pid" INTEGER,
    "status" TEXT NOT NULL,
    "restarts" INTEGER NOT NULL DEFAULT 0,
    "lastExitCode" INTEGER,
    "lastExitSignal" TEXT,
    "lastExitAt" DATETIME,
    "startedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SupervisorCommand" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "action" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedBy" TEXT NOT NULL,
    "claimedBy" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LoopLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acquiredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_LoopLease" ("acquiredAt", "expiresAt", "name", "owner") SELECT "acquiredAt", "expiresAt", "name", "owner" FROM "LoopLease";
DROP TABLE "LoopLease";
ALTER TABLE "new_LoopLease" RENAME TO "LoopLease";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupervisedProcess_hostname_idx" ON "SupervisedProcess"("hostname");

-- CreateIndex
CREATE INDEX "SupervisorCommand_status_id_idx" ON "SupervisorCommand"("status", "id");
