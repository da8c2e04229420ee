-- AlterTable
ALTER TABLE "CodeIssue" ADD COLUMN     "appliedVersion" INTEGER,
ADD COLUMN     "errorType" TEXT,
ADD COLUMN     "filePath" TEXT,
ADD COLUMN     "fileVersion" INTEGER,
ADD COLUMN     "line" INTEGER,
ADD COLUMN     "patch" TEXT;

-- AlterTable
ALTER TABLE "SandboxFile" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SandboxRun" ADD COLUMN     "args" JSONB,
ADD COLUMN     "filesWritten" JSONB,
ADD COLUMN     "isolation" TEXT,
ADD COLUMN     "issueId" INTEGER,
ADD COLUMN     "limits" JSONB,
ADD COLUMN     "message" TEXT,
ADD COLUMN     "securityAlerts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "stderrTruncated" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stdin" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "stdoutTruncated" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "SandboxOutput" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "stream" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxOutput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SandboxOutput_runId_id_idx" ON "SandboxOutput"("runId", "id");

-- AddForeignKey
ALTER TABLE "SandboxOutput" ADD CONSTRAINT "SandboxOutput_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SandboxRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AlterTable
ALTER TABLE "SandboxRun" ADD COLUMN     "diagnostics" JSONB;
