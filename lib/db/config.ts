// Which database Grace uses: PostgreSQL when DATABASE_URL says so, else the embedded SQLite
// file under GRACE_DATA_DIR.
import path from "node:path";
import { config } from "../config";

export type DatabaseConfig =
  | { provider: "sqlite"; file: string }
  | { provider: "postgres"; url: string };

export function dataDir(): string {
  return config.dataDir;
}

/** What a DATABASE_URL means (undefined: the SQLite file in `dir`). */
export function databaseConfig(url: string | undefined = config.databaseUrl, dir: string = config.dataDir): DatabaseConfig {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  if (url && url.startsWith("file:")) return { provider: "sqlite", file: path.resolve(/* turbopackIgnore: true */ url.slice(5)) };
  if (url) throw new Error("DATABASE_URL must start with postgres://, postgresql:// or file:");
  return { provider: "sqlite", file: path.join(dir, "grace.db") };
}

/** Milliseconds SQLite waits for another process's write lock before giving up. */
export function sqliteBusyTimeoutMs(): number {
  return config.sqliteBusyTimeoutMs;
}
