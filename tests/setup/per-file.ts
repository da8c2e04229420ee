// Before each test file: a fresh database copied from the migrated template, and settings
// that keep tests quick. Runs before the test file imports lib/db, so its client uses it.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "./postgres-server";

const testDb = inject("testDb");
const name = `f${randomBytes(5).toString("hex")}`;

if (testDb.provider === "sqlite") {
  const file = path.join(testDb.dir, `${name}.db`);
  copyFileSync(testDb.template, file);
  process.env.DATABASE_URL = `file:${file}`;
  process.env.GRACE_DATA_DIR = path.join(testDb.dir, name);
} else {
  const database = `${testDb.prefix}_${name}`;
  const admin = new pg.Client({ connectionString: testDb.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${testDb.template}`);
  await admin.end();
  process.env.DATABASE_URL = withDatabase(testDb.adminUrl, database);
  process.env.GRACE_DATA_DIR = path.join("/tmp", database);
  process.env.GRACE_PG_POOL_SIZE = "4";
}
process.env.NEXTAUTH_SECRET = "test-secret-".padEnd(40, "x");
process.env.GRACE_LOGIN_SLOW_STEP_MS = "0";
process.env.GRACE_PUBLIC_URL = "http://grace.test";
