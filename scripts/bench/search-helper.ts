// Child of scripts/bench/chat.ts: times searchChunks over the seeded corpus in DATABASE_URL.
import { db } from "../../lib/db/client";
import { searchChunks } from "../../lib/knowledge/search";

const owner = await db.user.findUniqueOrThrow({ where: { username: "bench-owner" } });
const ms: number[] = [];
for (let i = 0; i < 300; i++) {
  const started = performance.now();
  await searchChunks({ db, userId: owner.id, query: `where is item${(i * 37) % 1000}x0 stored near the harbour lantern?`, limit: 5 });
  if (i >= 20) ms.push(performance.now() - started); // after warm-up
}
ms.sort((a, b) => a - b);
const at = (p: number) => Math.round(ms[Math.floor((p / 100) * (ms.length - 1))] * 100) / 100;
console.log(JSON.stringify({ p50: at(50), p95: at(95), p99: at(99) }));
await db.$disconnect();
