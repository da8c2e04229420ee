-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "fallback" BOOLEAN NOT NULL DEFAULT false;
