-- AlterTable
ALTER TABLE "CodeIssue" ADD COLUMN "appliedVersion" INTEGER;
ALTER TABLE "CodeIssue" ADD COLUMN "errorType" TEXT;
ALTER TABLE "CodeIssue" ADD COLUMN "filePath" TEXT;
ALTER TABLE "CodeIssue" ADD COLUMN "fileVersion" INTEGER;
ALTER TABLE "CodeIssue" ADD COLUMN "line" INTEGER;
ALTER TABLE "CodeIssue" ADD COLUMN "patch" TEXT;

-- CreateTable
CREATE TABLE "SandboxOutput" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "stream" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SandboxOutput_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SandboxRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SandboxFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SandboxFile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SandboxFile" ("content", "createdAt", "id", "path", "sizeBytes", "updatedAt", "userId") SELECT "content", "createdAt", "id", "path", "sizeBytes", "updatedAt", "userId" FROM "SandboxFile";
DROP TABLE "SandboxFile";
ALTER TABLE "new_SandboxFile" RENAME TO "SandboxFile";
CREATE UNIQUE INDEX "SandboxFile_userId_path_key" ON "SandboxFile"("userId", "path");
CREATE TABLE "new_SandboxRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "command" TEXT NOT NULL,
    "fileName" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "stdin" TEXT NOT NULL DEFAULT '',
    "args" JSONB,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "stdout" TEXT NOT NULL DEFAULT '',
    "stderr" TEXT NOT NULL DEFAULT '',
    "stdoutTruncated" BOOLEAN NOT NULL DEFAULT false,
    "stderrTruncated" BOOLEAN NOT NULL DEFAULT false,
    "exitCode" INTEGER,
    "durationMs" INTEGER,
    "message" TEXT,
    "limits" JSONB,
    "filesWritten" JSONB,
    "isolation" TEXT,
    "securityAlerts" INTEGER NOT NULL DEFAULT 0,
    "issueId" INTEGER,
    "jobId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "SandboxRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_SandboxRun" ("command", "createdAt", "durationMs", "exitCode", "fileName", "finishedAt", "id", "jobId", "language", "status", "stderr", "stdout", "userId") SELECT "command", "createdAt", "durationMs", "exitCode", "fileName", "finishedAt", "id", "jobId", "language", "status", "stderr", "stdout", "userId" FROM "SandboxRun";
DROP TABLE "SandboxRun";
ALTER TABLE "new_SandboxRun" RENAME TO "SandboxRun";
CREATE INDEX "SandboxRun_userId_id_idx" ON "SandboxRun"("userId", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SandboxOutput_runId_id_idx" ON "SandboxOutput"("runId", "id");
-- AlterTable
ALTER TABLE "SandboxRun" ADD COLUMN "diagnostics" JSONB;
