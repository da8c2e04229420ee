// The worker process: runs the job queue and the background loops beside the web app (`npm start` starts both;
// `npm run worker` alone, as many as you like on PostgreSQL), keeps its heartbeat, and stops
// cleanly on SIGTERM / SIGINT: running jobs finish or their leases are released.
import "dotenv/config";
import { db } from "../lib/db/client";
import { config, loadConfig } from "../lib/config";
import { Executor } from "./executor";
import { beat, workerId } from "./heartbeat";
import { LoopScheduler } from "./loops/scheduler";
import { TreeHeadTimer } from "./tree-head-timer";

const id = workerId();
const settings = loadConfig(); // an invalid setting stops the worker here, naming it
const concurrency = settings.worker.concurrency;
const executor = new Executor({ workerId: id, concurrency });
const loops = new LoopScheduler({ owner: id });
const treeHeads = new TreeHeadTimer();
let stopping = false;

async function heartbeat() {
  try {
    await beat({ db, id, concurrency });
  } catch (error) {
    console.error("[worker] heartbeat failed", error);
  }
}

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  console.log(`[worker] ${signal}: stopping (${executor.active} job(s) running)`);
  try {
    await beat({ db, id, concurrency, status: "stopping" });
    await loops.stop();
    await treeHeads.stop();
    await executor.stop();
    await beat({ db, id, concurrency, status: "stopped" });
  } catch (error) {
    console.error("[worker] error while stopping", error);
  }
  await db.$disconnect();
  process.exit(0);
}

await heartbeat();
const timer = setInterval(heartbeat, config.worker.heartbeatSeconds * 1000);
executor.start();
if (config.worker.loops) loops.start();
treeHeads.start();
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
console.log(`[worker] ${id} running (concurrency ${concurrency}, heartbeat every ${config.worker.heartbeatSeconds}s)`);
