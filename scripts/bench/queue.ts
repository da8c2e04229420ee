// `npm run bench:queue`: the job queue with real worker processes, on SQLite and PostgreSQL.
//   throughput: N one-step jobs queued up front, 2 workers × 4 slots drain them → jobs/s
//   latency: jobs enqueued one by one (20/s) into idle workers → enqueue→start p50/p95
// Uses the default poll period (GRACE_QUEUE_POLL_MS, 500 ms) unless you set it.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import { benchDatabases } from "./databases";

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

console.log(`\n${jobs} jobs for throughput, ${latencyJobs} for latency; ${os.cpus().length} cores, Node ${process.version}\n`);
console.log("| database | jobs/s (2 workers × 4) | enqueue→start p50 ms | p95 ms |");
console.log("|---|---:|---:|---:|");
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
    console.log(`| ${db.label} | ${throughput} | ${latency.p50} | ${latency.p95} |`);
  } finally {
    await db.drop();
  }
}
