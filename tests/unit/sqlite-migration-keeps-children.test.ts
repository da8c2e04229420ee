import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, migrationsDir } from "../../lib/db/migrate";

// Prisma rebuilds a SQLite table to change it (copy, drop, rename). With foreign keys on,
// the drop would cascade-delete every child row; the runner must keep them.
describe("a SQLite migration that rebuilds a parent table", () => {
  it("keeps the child rows", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "grace-rebuild-"));
    const dir = path.join(root, "sqlite", "migrations");
    cpSync(migrationsDir("sqlite"), dir, { recursive: true });
    const file = path.join(root, "db.sqlite");
    await migrate({ provider: "sqlite", file });
    const db = new Database(file);
    db.prepare(`INSERT INTO "User" (id, username, passwordHash, role, createdAt, updatedAt) VALUES (1, 'parent', 'h', 'user', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
    db.prepare(`INSERT INTO "ApiToken" (userId, name, prefix, tokenHash, kind, createdAt) VALUES (1, 'child', 'grace_x', 'hash', 'personal', '2026-01-01T00:00:00.000Z')`).run();
    db.close();

    mkdirSync(path.join(dir, "29990101000000_rebuild_user"));
    writeFileSync(
      path.join(dir, "29990101000000_rebuild_user", "migration.sql"),
      `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "username" TEXT NOT NULL, "passwordHash" TEXT NOT NULL,
  "role" TEXT NOT NULL DEFAULT 'user', "disabledAt" DATETIME, "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL, "nickname" TEXT);
INSERT INTO "new_User" ("id", "username", "passwordHash", "role", "disabledAt", "createdAt", "updatedAt")
  SELECT "id", "username", "passwordHash", "role", "disabledAt", "createdAt", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
    );
    process.env.GRACE_MIGRATIONS_DIR = root;
    try {
      expect(await migrate({ provider: "sqlite", file })).toEqual(["29990101000000_rebuild_user"]);
    } finally {
      delete process.env.GRACE_MIGRATIONS_DIR;
    }
    const after = new Database(file);
    expect(after.prepare(`SELECT name FROM "ApiToken"`).all()).toEqual([{ name: "child" }]);
    after.close();
  });
});
