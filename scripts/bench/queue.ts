// `npm run bench:queue`: the job queue with real worker processes, on SQLite and PostgreSQL.
//   throughput: N one-step jobs queued up front, 2 workers × 4 slots drain them → jobs/s
//   latency: jobs enqueued one by one (20/s) into idle workers → enqueue→start p50/p95
// Uses the default poll period (GRACE_QUEUE_POLL_MS, 500 ms) unless you set it.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import { benchDatabases } from "./databases";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

const jobs = Number(process.env.GRACE_BENCH_JOBS) || 2000;
const latencyJobs = 200;

function run(script: string, url: string, args: string[] = []) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${script} exited ${code}`))));
  });
}

function startWorkers(url: string): ChildProcess[] {
  return [0, 1].map(() =>
    spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
      env: { ...process.env, DATABASE_URL: url, GRACE_WORKERS: "4", GRACE_LOOPS: "off" },
      stdio: "ignore",
    }),
  );
}

async function stopWorkers(workers: ChildProcess[]) {
  await Promise.all(workers.map((w) => new Promise((r) => (w.once("exit", r), w.kill("SIGTERM")))));
}

report.say(`\n${jobs} jobs for throughput, ${latencyJobs} for latency; ${os.cpus().length} cores, Node ${process.version}\n`);
report.say("| database | jobs/s (2 workers × 4) | enqueue→start p50 ms | p95 ms |");
report.say("|---|---:|---:|---:|");
for (const db of await benchDatabases("queue")) {
  try {
    await run("scripts/bench/queue-helper.ts", db.url, ["enqueue", String(jobs)]);
    const started = performance.now();
    const workers = startWorkers(db.url);
    await run("scripts/bench/queue-helper.ts", db.url, ["wait", String(jobs)]);
    const throughput = Math.round(jobs / ((performance.now() - started) / 1000));
    await sleep(1000); // idle workers
    const latency = JSON.parse(await run("scripts/bench/queue-helper.ts", db.url, ["latency", String(latencyJobs)])) as { p50: number; p95: number };
    await stopWorkers(workers);
    report.say(`| ${db.label} | ${throughput} | ${latency.p50} | ${latency.p95} |`);
  } finally {
    await db.drop();
  }
}

recordRun({
  heading: "## Job queue (`npm run bench:queue`)",
  when: new Date().toISOString().slice(0, 10),
  report: `Real worker processes (\`workers/index.ts\`, loops off), default settings (poll every 500 ms,\n30 s leases). Throughput: jobs queued up front, two workers with four slots each drain them;\nthe time includes starting the two workers (≈1 s). Latency: jobs enqueued one at a time (20/s)\ninto idle workers, enqueue → start from the jobs' own timestamps.\n\n${report.text()}`,
  summary: tableSummary,
});
