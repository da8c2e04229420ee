// The worker process: runs beside the web app (`npm start` starts both; `npm run worker`
// alone). For now it keeps its heartbeat; the job queue and the background loops build on
// this entry. Stops cleanly on SIGTERM / SIGINT.
import "dotenv/config";
import os from "node:os";
import { db } from "../lib/db/client";
import { config } from "../lib/config";
import { beat, workerId } from "./heartbeat";

const id = workerId();
const concurrency = Number(process.env.GRACE_WORKERS) || os.availableParallelism();
let stopping = false;

async function heartbeat() {
  try {
    await beat(db, { id, concurrency });
  } catch (error) {
    console.error("[worker] heartbeat failed", error);
  }
}

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  console.log(`[worker] ${signal}: stopping`);
  try {
    await beat(db, { id, concurrency, status: "stopped" });
  } catch (error) {
    console.error("[worker] could not record the stop", error);
  }
  await db.$disconnect();
  process.exit(0);
}

await heartbeat();
const timer = setInterval(heartbeat, config.workerHeartbeatSeconds * 1000);
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
console.log(`[worker] ${id} running (concurrency ${concurrency}, heartbeat every ${config.workerHeartbeatSeconds}s)`);
