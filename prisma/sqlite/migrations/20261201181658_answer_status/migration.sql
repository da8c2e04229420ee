-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN "answerStatus" TEXT;
ALTER TABLE "ChatMessage" ADD COLUMN "grounded" BOOLEAN;
