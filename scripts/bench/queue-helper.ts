// Child of scripts/bench/queue.ts, against DATABASE_URL: `enqueue N`, `wait N` (until N jobs
// completed) or `latency N` (enqueue N at 20/s, wait, print enqueue→start percentiles).
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";

const [command, n] = process.argv.slice(2);
const count = Number(n);
const payload = { steps: 1, step_ms: 0 };

if (command === "enqueue") {
  await writeTransaction(async (tx) => {
    for (let i = 0; i < count; i++) await enqueue({ tx, kind: "steps", payload, description: "bench" });
  });
} else if (command === "wait") {
  while ((await db.job.count({ where: { status: "completed" } })) < count) await sleep(50);
} else if (command === "latency") {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload, description: "latency" }))).id);
    await sleep(50);
  }
  while ((await db.job.count({ where: { id: { in: ids }, status: "completed" } })) < count) await sleep(50);
  const rows = await db.job.findMany({ where: { id: { in: ids } }, select: { createdAt: true, startedAt: true } });
  const ms = rows.map((r) => r.startedAt!.getTime() - r.createdAt.getTime()).sort((a, b) => a - b);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))];
  console.log(JSON.stringify({ p50: at(50), p95: at(95) }));
}
await db.$disconnect();
