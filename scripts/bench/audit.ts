// `npm run bench:audit`: audit appends (each its own transaction, the way state changes use
// them) and a full verify, on a fresh SQLite file and, when one answers, on PostgreSQL.
// Two processes append at once in the second half, the case the head-row lock exists for.
// Then what signing adds to an append, and verifying a 100,000-entry log (GRACE_BENCH_VERIFY_ENTRIES):
// the chain alone, the whole of audit:verify, and audit:verify --all-signatures.
import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, sign } from "node:crypto";
import { canonicalEntryText, canonicalJson, leafHashOf, sha256Hex, GENESIS_HASH } from "../../lib/audit/hash";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { answers, DEFAULT_TEST_DATABASE_URL, withDatabase } from "../../tests/setup/postgres-server";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

const count = Number(process.env.GRACE_BENCH_APPENDS) || 2000;
const verifyCount = Number(process.env.GRACE_BENCH_VERIFY_ENTRIES) || 100_000;
// One signing key for every child, outside the repository's data dir.
const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), "grace-bench-key-")), "log-signing-key.pem");

function timed(label: string, databaseUrl: string, args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/audit-worker.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GRACE_SIGNING_KEY_FILE: keyFile },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  return { ms: performance.now() - started, out: r.stdout.trim() };
}

function appendInChild(url: string, n: number) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/audit-worker.ts", "append", String(n)], {
      env: { ...process.env, DATABASE_URL: url, GRACE_SIGNING_KEY_FILE: keyFile },
      stdio: "ignore",
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`appender exited ${code}`))));
  });
}

/** CPU per entry of what appendMany computes: the canonical bytes and hash, then the signature. */
function signingCost() {
  const key = generateKeyPairSync("ed25519").privateKey;
  const n = 5000;
  const fields = (i: number) => ({ sequence: i, timestamp: new Date(), actor: "system", action: "bench.append", resource: `item:${i}`, subsystem: "bench", result: "success", prevHash: GENESIS_HASH });
  let t = performance.now();
  for (let i = 0; i < n; i++) sha256Hex(canonicalEntryText({ ...fields(i), payloadText: canonicalJson({ i }) }));
  const hashUs = ((performance.now() - t) * 1000) / n;
  t = performance.now();
  for (let i = 0; i < n; i++) {
    const canonical = canonicalEntryText({ ...fields(i), payloadText: canonicalJson({ i }) });
    sha256Hex(canonical);
    sign(null, leafHashOf(canonical), key);
  }
  const signedUs = ((performance.now() - t) * 1000) / n;
  return { hashUs, signedUs };
}

async function benchVerify(label: string, url: string) {
  timed(label, url, ["fill", String(verifyCount)]);
  const publish = JSON.parse(timed(label, url, ["publish"]).out) as { size: number; ms: number };
  timed(label, url, ["fill", "1000"]); // entries after the last head: their signatures are verified directly
  const run = (mode: string) => JSON.parse(timed(label, url, [mode]).out) as { checked: number; ms: number; cpuMs: number; valid: boolean; verified?: number };
  const chain = run("verify");
  const full = run("verify-full");
  const all = run("verify-all");
  const cell = (r: { checked: number; ms: number; cpuMs: number; valid: boolean; verified?: number }) =>
    `${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s)${r.verified !== undefined ? `, ${r.verified} signatures` : ""}${r.valid ? "" : " INVALID"}`;
  verifyRows.push(`| ${label} | ${full.checked} | ${(publish.ms / 1000).toFixed(2)} s | ${cell(chain)} | ${cell(full)} | ${cell(all)} |`);
}
const verifyRows: string[] = [];

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
const verifyFile = path.join(dir, "verify.db");
await migrate({ provider: "sqlite", file: verifyFile });
await benchVerify("SQLite (WAL)", `file:${verifyFile}`);

const adminUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
if (await answers(adminUrl)) {
  const name = `grace_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    await migrate({ provider: "postgres", url: withDatabase(adminUrl, name) });
    await bench("PostgreSQL", withDatabase(adminUrl, name));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await migrate({ provider: "postgres", url: withDatabase(adminUrl, name) });
    await benchVerify("PostgreSQL", withDatabase(adminUrl, name));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  report.say("| PostgreSQL | no server at GRACE_TEST_DATABASE_URL | | |");
}

const cost = signingCost();
report.say(`\nWhat signing adds to an append (CPU per entry, in process): canonical bytes + entry hash ${cost.hashUs.toFixed(1)} µs; with the leaf hash and the Ed25519 signature ${cost.signedUs.toFixed(1)} µs (+${(cost.signedUs - cost.hashUs).toFixed(1)} µs).`);
report.say(`\nVerifying a log of ${verifyCount} entries plus 1000 after its last signed head, each run a fresh process (connected before the clock starts). Wall time, and the CPU time of the process (all threads; on a busy machine the truer cost). Load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.\n`);
report.say("| database | entries | publishing the first head | chain only | audit:verify | audit:verify --all-signatures |");
report.say("|---|---:|---:|---:|---:|---:|");
for (const row of verifyRows) report.say(row);

recordRun({
  heading: "## Audit log (`npm run bench:audit`)",
  when: new Date().toISOString().slice(0, 10),
  report: `Appends each in their own transaction (as state changes use them), each signed (Ed25519), then a full verify.\n\n${report.text()}`,
  summary: tableSummary,
});
