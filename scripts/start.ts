// `npm start`: everything a fresh machine needs, then web + worker, stopped together.
//   1. data dir and auth secret   2. build when the sources changed since the last build
//   3. migrate the database       4. create the admin on first start
//   5. run the web server and the worker; Ctrl-C / SIGTERM stops both
import "dotenv/config";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { authSecret } from "../lib/auth/secret";
import { ConfigError, loadConfig, reloadConfig } from "../lib/config";
import { dataDir, databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { needsBuild, recordBuild } from "./build-state";

let settings;
try {
  settings = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[start] ${error.message}\n[start] fix these settings (README.md lists them) and start again`);
  process.exit(1);
}
mkdirSync(dataDir(), { recursive: true });
// The web and worker processes (and next-auth) read these from their environment.
process.env.NEXTAUTH_SECRET ||= authSecret();
process.env.NEXTAUTH_URL ||= process.env.GRACE_PUBLIC_URL || `http://localhost:${settings.port}`;
reloadConfig();

const node = process.execPath;
if (process.env.GRACE_SKIP_BUILD !== "1" && needsBuild()) {
  console.log("[start] building the web app (first start or changed sources)…");
  const build = spawnSync(node, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordBuild();
}

const database = databaseConfig();
const applied = await migrate(database, { log: (line) => console.log(`[migrate] ${line}`) });
console.log(`[start] database (${database.provider}) is at the latest migration${applied.length ? ` (applied ${applied.length})` : ""}`);

// Imported after migrating: the client is only useful once the tables exist.
const { ensureAdmin } = await import("../lib/auth/ensure-admin");
const admin = await ensureAdmin({ password: settings.adminPassword });
if (admin?.password) {
  console.log(`\n  Created user "admin" with password: ${admin.password}\n  It is shown only this once: sign in and keep it safe.\n`);
} else if (admin) {
  console.log('[start] created user "admin" with GRACE_ADMIN_PASSWORD');
}
const { db } = await import("../lib/db/client");
await db.$disconnect();

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, script: string) {
  const child = spawn(node, ["--import", "tsx", script], { stdio: "inherit", env: process.env });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] ${name} exited (${signal ?? code}); stopping Grace`);
    void stop(code || 1);
  });
  children.push(child);
}

async function stop(code: number) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  process.exit(code);
}

run("web", "scripts/web-server.ts");
run("worker", "workers/index.ts");
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
