// Child of scripts/bench/reflection.ts: seeds N messages, times one runReflection().
import { db } from "../../lib/db/client";
import { runReflection } from "../../lib/loops/run-reflection";

const n = Number(process.argv[2]);
const subjects = ["kubernetes cluster", "invoice payment", "database backup", "pasta recipe", "travel plans", "tax return", "garden tomatoes", "python script", "team meeting", "flight delay"];
const fillers = ["I wonder about", "can you explain the", "what should I do with my", "remind me later about the", "there is a problem with the", "let's talk about the"];
const users = await Promise.all(Array.from({ length: 50 }, (_, i) => db.user.create({ data: { username: `bench${i}`, passwordHash: "x" } })));
const rows = Array.from({ length: n }, (_, i) => ({
  userId: users[i % users.length].id,
  role: "user",
  content: `${fillers[i % fillers.length]} ${subjects[(i * 7) % subjects.length]} and the ${subjects[(i * 3) % subjects.length]} number ${i}`,
}));
for (let i = 0; i < rows.length; i += 1000) await db.chatMessage.createMany({ data: rows.slice(i, i + 1000) });
const started = performance.now();
const result = await runReflection({ db });
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), written: result.written, messageCount: result.messageCount }));
await db.$disconnect();
