-- CreateTable
CREATE TABLE "LoopState" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastDurationMs" INTEGER,
    "lastError" TEXT,
    "cursor" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoopState_pkey" PRIMARY KEY ("name")
);

-- Hand-written: keep each loop's state (its last run, duration, error and reading cursor)
-- before the columns leave LoopLease.
INSERT INTO "LoopState" ("name", "lastRunAt", "lastDurationMs", "lastError", "cursor", "updatedAt")
SELECT "name", "lastRunAt", "lastDurationMs", "lastError", "cursor", CURRENT_TIMESTAMP FROM "LoopLease";

-- AlterTable
ALTER TABLE "LoopLease" DROP COLUMN "cursor",
DROP COLUMN "lastDurationMs",
DROP COLUMN "lastError",
DROP COLUMN "lastRunAt";

-- CreateTable
CREATE TABLE "SupervisedProcess" (
    "id" TEXT NOT NULL,
    "supervisor" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pid" INTEGER,
    "status" TEXT NOT NULL,
    "restarts" INTEGER NOT NULL DEFAULT 0,
    "lastExitCode" INTEGER,
    "lastExitSignal" TEXT,
    "lastExitAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisedProcess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisorCommand" (
    "id" SERIAL NOT NULL,
    "action" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "requestedBy" TEXT NOT NULL,
    "claimedBy" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SupervisorCommand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisedProcess_hostname_idx" ON "SupervisedProcess"("hostname");

-- CreateIndex
CREATE INDEX "SupervisorCommand_status_id_idx" ON "SupervisorCommand"("status", "id");
