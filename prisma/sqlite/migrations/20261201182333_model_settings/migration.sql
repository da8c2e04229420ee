-- CreateTable
CREATE TABLE "ModelSetting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "baseUrl" TEXT,
    "model" TEXT NOT NULL,
    "apiKeyCipher" TEXT,
    "updatedBy" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
