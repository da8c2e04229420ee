-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "answerStatus" TEXT,
ADD COLUMN     "grounded" BOOLEAN;
