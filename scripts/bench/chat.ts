// `npm run bench:chat`: the chat endpoint with the built-in engine over 10,000 seeded
// artifacts, at 1 and 10 concurrent clients, beside a plain node:http control in the same run;
// then search alone over 1k, 10k and 100k passages. Records the run in docs/benchmarks.md (record.ts).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { migrate } from "../../lib/db/migrate";
import { recordRun } from "./record";

const seconds = Number(process.env.GRACE_BENCH_SECONDS) || 10;
const port = 3240;
const base = `http://127.0.0.1:${port}`;

function node(script: string, env: Record<string, string>, args: string[] = []) {
  const r = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${script}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

async function freshSqlite(label: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `grace-bench-${label}-`));
  await migrate({ provider: "sqlite", file: path.join(dir, "grace.db") });
  return dir;
}

/** An autocannon run with exact percentiles from every response's time (autocannon's own summary has no p95). */
async function load(o: autocannon.Options) {
  const times: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(o, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const at = (q: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10 : 0);
  return { rps: Math.round(r.requests.average), p50: at(0.5), p95: at(0.95), p99: at(0.99), non2xx: r.non2xx, errors: r.errors };
}

// 1. Chat over HTTP.
const dataDir = await freshSqlite("chat");
// Seeded before Grace starts, so the seeding's long write transactions do not hold up the
// worker's first claims (SQLITE_BUSY). The artifacts are shared: the admin reads them.
node("scripts/bench/seed-knowledge.ts", { DATABASE_URL: `file:${path.join(dataDir, "grace.db")}`, GRACE_ADMIN_PASSWORD: "bench-admin-password" }, ["10000", "1"]);
const control = createServer((_q, r) => r.writeHead(200, { "content-type": "application/json" }).end('{"response":"ok"}')).listen(3241, "127.0.0.1");
const grace = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "", GRACE_DATA_DIR: dataDir, GRACE_ADMIN_PASSWORD: "bench-admin-password", NEXTAUTH_URL: base, GRACE_LOOPS: "off" },
  stdio: ["ignore", "ignore", "inherit"],
});
const rows: string[] = [];
try {
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const login = await fetch(`${base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "bench-admin-password" }) });
  const { access_token } = (await login.json()) as { access_token: string };
  let n = 0;
  const chatRequest = (): autocannon.Request => ({
    method: "POST",
    path: "/api/chat",
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json" },
    body: JSON.stringify({ message: `Where is item${(n++ * 37) % 10000}x0 stored?` }),
  });
  // Warm-up (not recorded): the JIT, SQLite's page cache and the WAL settle in the first seconds.
  await load({ url: base, connections: 10, duration: 5, requests: [{ setupRequest: () => chatRequest() }] });
  for (const connections of [1, 10]) {
    const c = await load({ url: "http://127.0.0.1:3241/", connections, duration: seconds });
    rows.push(`| control: plain node:http | ${connections} | ${c.rps} | ${c.p50} | ${c.p95} | ${c.p99} | ${c.non2xx} |`);
    const r = await load({ url: base, connections, duration: seconds, requests: [{ setupRequest: () => chatRequest() }] });
    if (r.non2xx || r.errors) throw new Error(`chat answered ${r.non2xx} non-2xx and ${r.errors} errors: is something else on port ${port}?`);
    rows.push(`| POST /api/chat (built-in engine) | ${connections} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx} |`);
  }
} finally {
  control.close();
  grace.kill("SIGTERM");
}
// The same handler in process, on the same database, once Grace has stopped.
await new Promise((r) => setTimeout(r, 2000));
const handler = node("scripts/bench/chat-handler.ts", { DATABASE_URL: `file:${path.join(dataDir, "grace.db")}` }) as { callers: number; rps: number; p50: number; p95: number; p99: number }[];

// 2. Search alone, as the corpus grows.
const search: string[] = [];
for (const [artifacts, per] of [[1000, 1], [10_000, 1], [10_000, 10]] as const) {
  const dir = await freshSqlite(`search${artifacts * per}`);
  const url = `file:${path.join(dir, "grace.db")}`;
  node("scripts/bench/seed-knowledge.ts", { DATABASE_URL: url }, [String(artifacts), String(per)]);
  const t = node("scripts/bench/search-helper.ts", { DATABASE_URL: url });
  search.push(`| ${(artifacts * per).toLocaleString("en")} | ${t.p50} | ${t.p95} | ${t.p99} |`);
}

const when = new Date().toISOString().slice(0, 10);
const report = `
10,000 seeded artifacts on the embedded SQLite database, ${seconds} s per row, each request a
different question, after a 5 s warm-up; percentiles from every response's time. ${os.cpus().length} cores, Node ${process.version}.

| target | clients | req/s | p50 ms | p95 ms | p99 ms | non-2xx |
|---|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

The same route handler called in process (no HTTP server, no Next.js), same database:

| callers | req/s | p50 ms | p95 ms | p99 ms |
|---:|---:|---:|---:|---:|
${handler.map((h) => `| ${h.callers} | ${h.rps} | ${h.p50} | ${h.p95} | ${h.p99} |`).join("\n")}

Search alone (\`searchChunks\`, in process, 280 queries after warm-up):

| passages | p50 ms | p95 ms | p99 ms |
|---:|---:|---:|---:|
${search.join("\n")}
`;
console.log(report);
recordRun({
  heading: "## Chat (`npm run bench:chat`)",
  when,
  report,
  // The ten-client HTTP row of the run being replaced: what the history line keeps.
  summary: (section) => {
    const row = section.split("\n").find((l) => l.startsWith("| POST /api/chat") && l.split("|")[2]?.trim() === "10");
    const cells = row?.split("|").map((c) => c.trim()) ?? [];
    return row ? `ten clients ${cells[3]} req/s, p50 ${cells[4]} ms, p95 ${cells[5]} ms` : "see git history";
  },
});
