// Spawns real worker processes (workers/index.ts) against the test file's database.
import { spawn, type ChildProcess } from "node:child_process";

export type WorkerProcess = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function spawnWorker(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    env: {
      ...process.env,
      GRACE_WORKERS: "2",
      GRACE_JOB_LEASE_SECONDS: "1",
      GRACE_JOB_BACKOFF_MS: "100",
      GRACE_QUEUE_POLL_MS: "50",
      GRACE_WORKER_HEARTBEAT_SECONDS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}
