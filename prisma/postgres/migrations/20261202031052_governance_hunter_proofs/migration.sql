-- DropIndex
DROP INDEX "GovernancePolicy_actionType_enabled_idx";

-- AlterTable
ALTER TABLE "ApprovalRequest" ADD COLUMN     "error" TEXT,
ADD COLUMN     "executedAt" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "result" JSONB;

-- AlterTable
ALTER TABLE "GovernancePolicy" ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 100;

-- AlterTable
ALTER TABLE "LogEntry" ADD COLUMN     "keyId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "signature" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "SecurityEvent" ADD COLUMN     "target" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taskId" INTEGER;

-- AlterTable
ALTER TABLE "SecurityRule" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'regex',
ADD COLUMN     "threshold" INTEGER,
ADD COLUMN     "windowSeconds" INTEGER;

-- AlterTable
ALTER TABLE "TreeHead" ADD COLUMN     "signedMessage" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "timestamp" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "LogTreeNode" (
    "level" INTEGER NOT NULL,
    "index" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "LogTreeNode_pkey" PRIMARY KEY ("level","index")
);

-- CreateTable
CREATE TABLE "TreeHeadWitness" (
    "id" SERIAL NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "witnessUrl" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "keyId" TEXT NOT NULL DEFAULT '',
    "countersignature" TEXT NOT NULL DEFAULT '',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TreeHeadWitness_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WitnessedHead" (
    "id" SERIAL NOT NULL,
    "logKeyId" TEXT NOT NULL,
    "treeSize" INTEGER NOT NULL,
    "rootHash" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "signature" TEXT NOT NULL,
    "countersignature" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WitnessedHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TreeHeadWitness_treeSize_idx" ON "TreeHeadWitness"("treeSize");

-- CreateIndex
CREATE UNIQUE INDEX "WitnessedHead_logKeyId_treeSize_key" ON "WitnessedHead"("logKeyId", "treeSize");

-- CreateIndex
CREATE INDEX "GovernancePolicy_actionType_enabled_priority_idx" ON "GovernancePolicy"("actionType", "enabled", "priority");
