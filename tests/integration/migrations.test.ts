import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { migrate, migrationsDir, readMigrations } from "../../lib/db/migrate";
import { withDatabase } from "../setup/postgres-server";

const testDb = inject("testDb");
const all = readMigrations(migrationsDir(testDb.provider));
const first = all[0].name;

// The same migrate() that `npm start` runs, on a database left at the first migration.
describe("upgrading a database created at an earlier migration", () => {
  it("applies the rest, keeps the rows, and is idempotent", async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    if (testDb.provider === "sqlite") {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "grace-upgrade-")), "old.db");
      expect(await migrate({ provider: "sqlite", file }, { upTo: first })).toEqual([first]);
      const old = new Database(file);
      old.prepare(`INSERT INTO "User" (username, passwordHash, role, createdAt, updatedAt) VALUES ('kept', 'h', 'user', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
      old.close();

      const applied = await migrate({ provider: "sqlite", file });
      expect(applied).toEqual(all.slice(1).map((m) => m.name));
      const db = new Database(file);
      expect(db.prepare(`SELECT username FROM "User"`).all()).toEqual([{ username: "kept" }]);
      expect(db.prepare(`SELECT sequence FROM "LogHead" WHERE id = 1`).get()).toEqual({ sequence: 0 });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect((db.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get() as { n: number }).n).toBe(all.length);
      db.close();
      expect(await migrate({ provider: "sqlite", file })).toEqual([]);
    } else {
      if (testDb.provider !== "postgres") return;
      const name = `${testDb.prefix}_upgrade`;
      const admin = new pg.Client({ connectionString: testDb.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = withDatabase(testDb.adminUrl, name);
      try {
        expect(await migrate({ provider: "postgres", url }, { upTo: first })).toEqual([first]);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`INSERT INTO "User" (username, "passwordHash", role, "updatedAt") VALUES ('kept', 'h', 'user', now())`);
        // Two starts at once: the advisory lock makes one apply and the other find nothing to do.
        const [a, b] = await Promise.all([migrate({ provider: "postgres", url }), migrate({ provider: "postgres", url })]);
        expect([...a, ...b]).toEqual(all.slice(1).map((m) => m.name));
        expect((await client.query(`SELECT username FROM "User"`)).rows).toEqual([{ username: "kept" }]);
        expect((await client.query(`SELECT sequence FROM "LogHead" WHERE id = 1`)).rows).toEqual([{ sequence: 0 }]);
        await client.end();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  });
});
