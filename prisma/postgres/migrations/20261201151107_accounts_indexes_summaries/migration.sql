-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "interrupted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MetaEvaluation" (
    "id" SERIAL NOT NULL,
    "analysisId" INTEGER,
    "metric" TEXT NOT NULL,
    "before" DOUBLE PRECISION NOT NULL,
    "after" DOUBLE PRECISION NOT NULL,
    "improvement" DOUBLE PRECISION NOT NULL,
    "conclusion" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MetaEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Summary" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER,
    "period" TEXT NOT NULL DEFAULT 'daily',
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "summaryText" TEXT NOT NULL,
    "keyTopics" JSONB,
    "tasksCreated" INTEGER NOT NULL DEFAULT 0,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Summary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "MetaEvaluation_createdAt_idx" ON "MetaEvaluation"("createdAt" DESC);

-- CreateIndex
CREATE INDEX "Summary_userId_id_idx" ON "Summary"("userId", "id");

-- CreateIndex
CREATE INDEX "Summary_generatedAt_idx" ON "Summary"("generatedAt" DESC);

-- CreateIndex
CREATE INDEX "CausalEvent_userId_id_idx" ON "CausalEvent"("userId", "id");

-- CreateIndex
CREATE INDEX "ChatMessage_userId_id_idx" ON "ChatMessage"("userId", "id");

-- CreateIndex
CREATE INDEX "Conversation_userId_id_idx" ON "Conversation"("userId", "id");

-- CreateIndex
CREATE INDEX "HealingAction_component_id_idx" ON "HealingAction"("component", "id");

-- CreateIndex
CREATE INDEX "Job_startedAt_idx" ON "Job"("startedAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");
