// `npm run bench:sandbox`: a user's `print("hi")` through the run API (the route's handler in
// process, a real worker process running it under bubblewrap), per language and database:
// end-to-end latency, enqueue → start, runs per second with 4 callers, and the bare interpreter
// started without any sandbox as the control.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import { benchDatabases } from "./databases";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

function helper(url: string) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/sandbox-helper.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve(out.trim().split("\n").pop()!) : reject(new Error(`sandbox-helper exited ${code}`))));
  });
}

function startWorker(url: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], { env: { ...process.env, DATABASE_URL: url, GRACE_WORKERS: "4", GRACE_LOOPS: "off" }, stdio: "ignore" });
}

report.say(`\n${os.cpus().length} cores, Node ${process.version}; one worker process with 4 slots, loops off, default poll (${process.env.GRACE_QUEUE_POLL_MS ?? 500} ms) as the fallback\n`);
report.say("| database | language | API p50 ms | p95 ms | enqueue→start p50 ms | p95 ms | runs/s (4 callers) | bare interpreter p50 ms |");
report.say("|---|---|---:|---:|---:|---:|---:|---:|");
for (const db of await benchDatabases("sandbox")) {
  const worker = startWorker(db.url);
  try {
    await sleep(2000); // the worker is up and idle
    const rows = JSON.parse(await helper(db.url)) as { language: string; p50: number; p95: number; startP50: number; startP95: number; rps: number; bare: number }[];
    for (const r of rows) report.say(`| ${db.label} | ${r.language} | ${r.p50} | ${r.p95} | ${r.startP50} | ${r.startP95} | ${r.rps} | ${r.bare} |`);
  } finally {
    await new Promise((r) => (worker.once("exit", r), worker.kill("SIGTERM")));
    await db.drop();
  }
}

recordRun({
  heading: "## Sandbox (`npm run bench:sandbox`)",
  when: new Date().toISOString().slice(0, 10),
  report: `A user's \`print("hi")\` (and its equivalent per language) through \`POST /api/sandbox/run\`'s handler, called in\nprocess with a bearer token; a real worker process runs each program under bubblewrap\n(\`lib/sandbox/runner\`). API: from the request to the answer with the output. Enqueue → start:\nfrom the jobs' own timestamps (signals wake the idle worker; the poll is the fallback). Bare\ninterpreter: the same program started directly, no sandbox, no queue — the floor. Targets:\nenqueue → start p50 < 20 ms, API p50 < 150 ms.\n\n${report.text()}`,
  summary: tableSummary,
});
