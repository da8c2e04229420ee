// A PostgreSQL server for the tests: the one at GRACE_TEST_DATABASE_URL when it answers
// (development and CI machines run one at 127.0.0.1:5432), otherwise one started here on a
// loopback port from Debian's packages (initdb + pg_ctl as the postgres user).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test";

export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function pgBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

/** Starts a throwaway server; returns its URL and a stop function. */
export async function startOwnPostgres(): Promise<{ url: string; stop: () => void }> {
  const bin = pgBinDir();
  if (!bin) {
    throw new Error("PostgreSQL is not installed and no server answers. Install it with: sudo apt-get install -y postgresql");
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "grace-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = 55_000 + Math.floor(Math.random() * 5000);
  const asPostgres = (cmd: string, args: string[]) => {
    const isRoot = process.getuid?.() === 0;
    const r = isRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { encoding: "utf8" })
      : spawnSync(path.join(bin, cmd), args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  asPostgres("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "-l", path.join(dir, "log"), "start"]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: () => {
      try {
        asPostgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
      } catch (error) {
        console.error(error);
      }
      execFileSync("rm", ["-rf", dir]);
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
