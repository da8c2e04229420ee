// Fresh, migrated databases for benchmarks: a SQLite file, and a PostgreSQL database when a
// server answers at GRACE_TEST_DATABASE_URL (dropped afterwards).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { answers, DEFAULT_TEST_DATABASE_URL, withDatabase } from "../../tests/setup/postgres-server";

export type BenchDatabase = { label: string; url: string; drop: () => Promise<void> };

export async function benchDatabases(name: string): Promise<BenchDatabase[]> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), `grace-bench-${name}-`)), "bench.db");
  await migrate({ provider: "sqlite", file });
  const out: BenchDatabase[] = [{ label: "SQLite (WAL)", url: `file:${file}`, drop: async () => {} }];
  const adminUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  if (await answers(adminUrl)) {
    const database = `grace_bench_${name}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await migrate({ provider: "postgres", url: withDatabase(adminUrl, database) });
    out.push({
      label: "PostgreSQL",
      url: withDatabase(adminUrl, database),
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await admin.end();
      },
    });
  } else {
    console.log(`(no PostgreSQL at ${adminUrl}: SQLite only)`);
  }
  return out;
}
