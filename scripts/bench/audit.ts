// `npm run bench:audit`: audit appends (each its own transaction, the way state changes use
// them) and a full verify, on a fresh SQLite file and, when one answers, on PostgreSQL.
// Two processes append at once in the second half, the case the head-row lock exists for.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { answers, DEFAULT_TEST_DATABASE_URL, withDatabase } from "../../tests/setup/postgres-server";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

const count = Number(process.env.GRACE_BENCH_APPENDS) || 2000;

function timed(label: string, databaseUrl: string, args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/audit-worker.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  return { ms: performance.now() - started, out: r.stdout.trim() };
}

function appendInChild(url: string, n: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/audit-worker.ts", "append", String(n)], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`appender exited ${code}`))));
  });
}

async function bench(label: string, url: string) {
  const one = timed(label, url, ["append", String(count)]);
  const started = performance.now();
  await Promise.all([0, 1].map(() => appendInChild(url, count / 2)));
  const pairMs = performance.now() - started;
  const verify = timed(label, url, ["verify"]);
  const inProcess = JSON.parse(one.out) as { appendsPerSecond: number };
  const v = JSON.parse(verify.out) as { checked: number; ms: number; valid: boolean };
  report.say(`| ${label} | ${inProcess.appendsPerSecond} | ${Math.round(count / (pairMs / 1000))} | ${v.checked} entries in ${Math.round(v.ms)} ms (${v.valid ? "valid" : "INVALID"}) |`);
}

report.say(`\n${count} appends per case, ${os.cpus().length} cores, Node ${process.version}\n`);
report.say("| database | appends/s, one process | appends/s, two processes | full verify |");
report.say("|---|---:|---:|---|");
const dir = mkdtempSync(path.join(os.tmpdir(), "grace-bench-audit-"));
const file = path.join(dir, "bench.db");
await migrate({ provider: "sqlite", file });
await bench("SQLite (WAL)", `file:${file}`);

const adminUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
if (await answers(adminUrl)) {
  const name = `grace_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    await migrate({ provider: "postgres", url: withDatabase(adminUrl, name) });
    await bench("PostgreSQL", withDatabase(adminUrl, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  report.say("| PostgreSQL | no server at GRACE_TEST_DATABASE_URL | | |");
}

recordRun({
  heading: "## Audit log (`npm run bench:audit`)",
  when: new Date().toISOString().slice(0, 10),
  report: `Appends each in their own transaction (as state changes use them), then a full verify.\n\n${report.text()}`,
  summary: tableSummary,
});
