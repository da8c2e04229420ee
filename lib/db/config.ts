// Which database Grace uses: PostgreSQL when DATABASE_URL says so, else the embedded SQLite
// file under GRACE_DATA_DIR.
import path from "node:path";

export type DatabaseConfig =
  | { provider: "sqlite"; file: string }
  | { provider: "postgres"; url: string };

export function dataDir(): string {
  // turbopackIgnore: a runtime path, not something for the build to trace.
  return path.resolve(/* turbopackIgnore: true */ process.env.GRACE_DATA_DIR || "./data");
}

export function databaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  if (url && url.startsWith("file:")) return { provider: "sqlite", file: path.resolve(/* turbopackIgnore: true */ url.slice(5)) };
  if (url) throw new Error("DATABASE_URL must start with postgres://, postgresql:// or file:");
  return { provider: "sqlite", file: path.join(dataDir(), "grace.db") };
}

/** Milliseconds SQLite waits for another process's write lock before giving up. */
export function sqliteBusyTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  return Number(env.GRACE_SQLITE_BUSY_TIMEOUT_MS) || 10_000;
}
