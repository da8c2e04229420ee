// Child of scripts/bench/audit.ts: `append N` or `verify`, against DATABASE_URL; prints JSON.
import { append, verifyLog } from "../../lib/audit";
import { SYSTEM_ACTOR } from "../../lib/audit/actors";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";

const [command, n] = process.argv.slice(2);
const started = performance.now();
if (command === "append") {
  const count = Number(n);
  for (let i = 0; i < count; i++) {
    await writeTransaction((tx) => append({ tx, actor: SYSTEM_ACTOR, action: "bench.append", resource: `item:${i}`, subsystem: "bench", payload: { i }, result: "success" }));
  }
  console.log(JSON.stringify({ appendsPerSecond: Math.round(count / ((performance.now() - started) / 1000)) }));
} else {
  const result = await verifyLog({ db });
  console.log(JSON.stringify({ ...result, ms: performance.now() - started }));
}
await db.$disconnect();
