// The Prisma client for the configured database. Both generated clients expose the same
// model API (one models file, see prisma/models.prisma), so the rest of Grace is typed
// against the SQLite one and never asks which database it runs on — except raw SQL, which
// sticks to syntax both understand.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseConfig, sqliteBusyTimeoutMs, type DatabaseConfig } from "./config";
import { SerializedSqliteFactory } from "./sqlite-adapter";
import { config as settings } from "../config";

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

/** `log`: Prisma's logging, e.g. `[{ emit: "event", level: "query" }]` for tests that read the SQL a verb runs. */
export function createDb(config: DatabaseConfig = databaseConfig(), o: { log?: Prisma.LogDefinition[] } = {}): Db {
  if (config.provider === "postgres") {
    const adapter = new PrismaPg({
      connectionString: config.url,
      max: settings.pgPoolSize,
      // A lock held elsewhere, or a runaway statement, fails the statement (55P03 / 57014, a
      // "busy" fault: 503 with Retry-After, lib/db/errors.ts) instead of holding the request
      // until the transaction's own timeout. 0 leaves the server's setting (no limit by default).
      lock_timeout: settings.pgLockTimeoutMs || undefined,
      statement_timeout: settings.pgStatementTimeoutMs || undefined,
    });
    return new PostgresClient({ adapter, log: o.log }) as unknown as Db;
  }
  const adapter = new SerializedSqliteFactory(new PrismaBetterSqlite3({ url: `file:${config.file}`, timeout: sqliteBusyTimeoutMs() }));
  return new SqliteClient({ adapter, log: o.log });
}

export function databaseProvider(): DatabaseConfig["provider"] {
  return databaseConfig().provider;
}

// One client per process (kept on globalThis so Next's dev reloads reuse it).
const g = globalThis as unknown as { graceDb?: Db };
export const db: Db = (g.graceDb ??= createDb());
