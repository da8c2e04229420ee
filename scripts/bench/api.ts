// `npm run bench:api`: Grace's API under load next to a plain node:http control, same run,
// same machine. Starts Grace with `scripts/start.ts` (fresh SQLite data dir, builds if
// needed), then drives each target with autocannon for GRACE_BENCH_SECONDS (default 10).
// Prints a markdown table for docs/benchmarks.md.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

const seconds = Number(process.env.GRACE_BENCH_SECONDS) || 10;
const connections = Number(process.env.GRACE_BENCH_CONNECTIONS) || 50;
const port = 3230;
const controlPort = 3231;
const base = `http://127.0.0.1:${port}`;

const control = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: "ok" }));
}).listen(controlPort, "127.0.0.1");

const grace = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: "",
    GRACE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "grace-bench-")),
    GRACE_ADMIN_PASSWORD: "bench-admin-password",
    NEXTAUTH_URL: base,
  },
  stdio: ["ignore", "inherit", "inherit"],
});

async function waitForGrace() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("Grace did not start");
}

type Row = { name: string; rps: number; p50: number; p97_5: number; p99: number; errors: number; non2xx: number };

async function run(name: string, opts: autocannon.Options): Promise<Row> {
  const r = await autocannon({ connections, duration: seconds, ...opts });
  return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

try {
  await waitForGrace();
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: "bench-admin-password" }),
  });
  const { access_token } = (await login.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${access_token}` };

  const rows: Row[] = [];
  rows.push(await run("control: plain node:http JSON", { url: `http://127.0.0.1:${controlPort}/` }));
  rows.push(await run("GET /health (database + worker check)", { url: `${base}/health` }));
  rows.push(await run("GET /api/me (bearer token lookup)", { url: `${base}/api/me`, headers: auth }));
  rows.push(await run("GET /api/log/entries?limit=50 (bearer)", { url: `${base}/api/log/entries?limit=50`, headers: auth }));
  rows.push(
    await run("POST /api/tokens (audited write, bearer)", {
      url: `${base}/api/tokens`,
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ name: "bench" }),
    }),
  );

  report.say(`\n${seconds}s per target, ${connections} connections, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}\n`);
  report.say("| target | req/s | p50 ms | p97.5 ms | p99 ms | errors | non-2xx |");
  report.say("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) report.say(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  const verify = await (await fetch(`${base}/api/log/verify`, { headers: auth })).json();
  report.say(`\naudit log after the run: ${JSON.stringify(verify)}`);
} finally {
  control.close();
  grace.kill("SIGTERM");
}

recordRun({
  heading: "## API (`npm run bench:api`)",
  when: new Date().toISOString().slice(0, 10),
  report: `Grace started by \`scripts/start.ts\` on the embedded SQLite database (fresh data dir), autocannon\nagainst each target, a plain \`node:http\` JSON server as the control in the same run.\n\n${report.text()}`,
  summary: tableSummary,
});
