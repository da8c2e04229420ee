// Another Grace's database beside the test file's own, copied from the same migrated
// template: for tests where two Graces talk (a log and its witness) or where each case needs a
// log of its own to tamper with.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import type { DatabaseConfig } from "../../lib/db/config";
import { withDatabase } from "../setup/postgres-server";

export async function otherDatabase(): Promise<{ db: Db; config: DatabaseConfig; url: string; close: () => Promise<void> }> {
  const testDb = inject("testDb");
  const name = `o${randomBytes(5).toString("hex")}`;
  let config: DatabaseConfig;
  let url: string;
  if (testDb.provider === "sqlite") {
    const file = path.join(testDb.dir, `${name}.db`);
    copyFileSync(testDb.template, file);
    config = { provider: "sqlite", file };
    url = `file:${file}`;
  } else {
    const database = `${testDb.prefix}_${name}`;
    const admin = new pg.Client({ connectionString: testDb.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${testDb.template}`);
    await admin.end();
    url = withDatabase(testDb.adminUrl, database);
    config = { provider: "postgres", url };
  }
  const db = createDb(config);
  return { db, config, url, close: () => db.$disconnect() };
}
