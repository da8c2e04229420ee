// Applies the committed migrations (prisma/<provider>/migrations/*/migration.sql) in order
// and records them in Prisma's own `_prisma_migrations` table, so the Prisma CLI agrees
// with what this runner did. Needs no schema engine, so it works offline. Safe to run from
// several processes at once: SQLite serialises on its write lock, PostgreSQL on an
// advisory lock (the same key Prisma's CLI uses).
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseConfig, sqliteBusyTimeoutMs } from "./config";
import { config as settings } from "../config";

export type Migration = { name: string; sql: string; checksum: string };

const PRISMA_ADVISORY_LOCK = 72707369;

export function migrationsDir(provider: DatabaseConfig["provider"]): string {
  return path.resolve(settings.migrationsDir, provider, "migrations");
}

export function readMigrations(dir: string, upTo?: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`no migrations directory at ${dir}`);
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  if (upTo && !names.includes(upTo)) throw new Error(`no migration named ${upTo} in ${dir}`);
  const list = upTo ? names.slice(0, names.indexOf(upTo) + 1) : names;
  return list.map((name) => {
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
  });
}

type Applied = { migration_name: string; checksum: string; finished_at: unknown };

function checkHistory(applied: Applied[], migrations: Migration[]): Migration[] {
  const byName = new Map(applied.map((a) => [a.migration_name, a]));
  for (const a of applied) {
    if (!a.finished_at) {
      throw new Error(`migration ${a.migration_name} started but never finished; fix the database by hand`);
    }
  }
  for (const m of migrations) {
    const a = byName.get(m.name);
    if (a && a.checksum !== m.checksum) {
      console.warn(`[migrate] ${m.name} was edited after it was applied (checksum differs)`);
    }
  }
  return migrations.filter((m) => !byName.has(m.name));
}

export async function migrate(
  config: DatabaseConfig,
  options: { upTo?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const migrations = readMigrations(migrationsDir(config.provider), options.upTo);
  const log = options.log ?? (() => {});
  return config.provider === "sqlite"
    ? migrateSqlite(config.file, migrations, log)
    : migratePostgres(config.url, migrations, log);
}

function migrateSqlite(file: string, migrations: Migration[], log: (l: string) => void): string[] {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: sqliteBusyTimeoutMs() });
  try {
    // WAL is a property of the file: set once here, every later connection uses it.
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const done: string[] = [];
    // Prisma's SQLite migrations rebuild a table by copying it and dropping the old one; with
    // foreign keys on, that drop would cascade-delete child rows. The pragma is a no-op inside
    // a transaction, so it is switched off around it and the keys are checked before commit.
    db.pragma("foreign_keys = OFF");
    // One immediate transaction per migration: a second process waits, then sees it applied.
    const applyNext = db.transaction((m: Migration) => {
      const applied = db
        .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
        .all() as Applied[];
      if (!checkHistory(applied, [m]).length) return false;
      db.exec(m.sql);
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`migration ${m.name} leaves ${broken.length} rows with broken foreign keys`);
      db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, ?, 1)`,
      ).run(randomUUID(), m.checksum, Date.now(), m.name, Date.now());
      return true;
    });
    for (const m of migrations) {
      if (applyNext.immediate(m)) {
        log(`applied ${m.name}`);
        done.push(m.name);
      }
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[], log: (l: string) => void): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<Applied>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done: string[] = [];
    for (const m of checkHistory(rows, migrations)) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      log(`applied ${m.name}`);
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
