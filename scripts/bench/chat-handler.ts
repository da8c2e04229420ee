// Child of scripts/bench/chat.ts: the same chat route handler, called in process (no HTTP, no
// Next.js server) at 1 and 10 concurrent callers over the seeded DATABASE_URL, to tell the
// handler's own cost from the framework's.
import * as chat from "../../app/api/chat/route";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { createToken } from "../../lib/tokens/create-token";

const user = await db.user.findFirstOrThrow({ orderBy: { id: "asc" } });
const { token } = await writeTransaction((tx) => createToken({ tx, user: { id: user.id, username: user.username }, name: "bench-handler" }));
let n = 50_000;

async function run(callers: number, total: number) {
  const ms: number[] = [];
  let started = 0;
  const caller = async () => {
    while (started < total) {
      started++;
      const t = performance.now();
      const req = new Request("http://bench.test/api/chat", {
        method: "POST",
        headers: { host: "bench.test", authorization: `Bearer ${token}`, "content-type": "application/json", "x-grace-client-ip": "127.0.0.1" },
        body: JSON.stringify({ message: `Where is item${(n++ * 37) % 10000}x0 stored?` }),
      });
      const res = await chat.POST(req, { params: Promise.resolve({}) });
      if (res.status !== 200) throw new Error(`chat answered ${res.status}: ${await res.text()}`);
      await res.text();
      ms.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: callers }, caller));
  const seconds = (performance.now() - t0) / 1000;
  ms.sort((a, b) => a - b);
  const at = (p: number) => Math.round(ms[Math.floor((p / 100) * (ms.length - 1))] * 10) / 10;
  return { callers, rps: Math.round(total / seconds), p50: at(50), p95: at(95), p99: at(99) };
}

await run(10, 300); // warm-up
console.log(JSON.stringify([await run(1, 1000), await run(10, 3000)]));
await db.$disconnect();
