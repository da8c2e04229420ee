// `npm start`: everything a fresh machine needs, then web + worker, supervised.
//   1. data dir and auth secret   2. build when the sources changed since the last build
//   3. migrate the database (and index passages stored before the search words existed)
//   4. create the admin on first start
//   5. run the web server and the worker under the supervisor (lib/system/supervisor/): a
//      child that dies is restarted (never re-running 1–4); Ctrl-C / SIGTERM stops both
import "dotenv/config";
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { authSecret } from "../lib/auth/secret";
import { ConfigError, loadConfig, reloadConfig } from "../lib/config";
import { dataDir, databaseConfig } from "../lib/db/config";
import { migrate } from "../lib/db/migrate";
import { needsBuild, recordBuild, sourceHash } from "./build-state";

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
process.env.NEXTAUTH_SECRET = authSecret(); // NEXTAUTH_SECRET or AUTH_SECRET when given
process.env.NEXTAUTH_URL = settings.authUrl ?? `http://localhost:${settings.port}`;
reloadConfig();

const node = process.execPath;
if (!settings.skipBuild && needsBuild()) {
  console.log("[start] building the web app (first start or changed sources)…");
  const sources = sourceHash();
  const build = spawnSync(node, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordBuild(sources);
}

const database = databaseConfig();
const applied = await migrate(database, { log: (line) => console.log(`[migrate] ${line}`) });
console.log(`[start] database (${database.provider}) is at the latest migration${applied.length ? ` (applied ${applied.length})` : ""}`);
// Loaded (or created, mode 0600) here, before the web and worker race for it.
const { signingKey } = await import("../lib/audit/signing-key");
const logKey = signingKey();
console.log(`[start] audit log signing key ${logKey.keyId}: ${logKey.source === "GRACE_SIGNING_KEY" ? "from GRACE_SIGNING_KEY" : `${logKey.created ? "created at" : "in"} ${logKey.source}`} (back it up with the database)`);

// Imported after migrating: the client is only useful once the tables exist.
// Passages stored before the search words existed are indexed now (JS, not SQL: lib/text/tokenize.ts).
const { backfillSearchText } = await import("../lib/knowledge/backfill-search-text");
await backfillSearchText({ log: (line) => console.log(`[migrate] ${line}`) });
const { ensureAdmin } = await import("../lib/auth/ensure-admin");
const admin = await ensureAdmin({ password: settings.adminPassword });
if (admin?.password) {
  console.log(`\n  Created user "admin" with password: ${admin.password}\n  It is shown only this once: sign in and keep it safe.\n`);
} else if (admin) {
  console.log('[start] created user "admin" with GRACE_ADMIN_PASSWORD');
}

// The supervisor keeps the database client: it records restarts and polls for requests.
const { Supervisor } = await import("../lib/system/supervisor/supervisor");
const supervisor = new Supervisor({
  children: [
    { name: "web", command: node, args: ["--import", "tsx", "scripts/web-server.ts"] },
    { name: "worker", command: node, args: ["--import", "tsx", "workers/index.ts"] },
  ],
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[start] ${signal}: stopping the web server and the worker`);
  await supervisor.stop();
  const { db } = await import("../lib/db/client");
  await db.$disconnect().catch((error) => console.error("[start] could not close the database connection", error));
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
await supervisor.start();
