// `npm run bench:reflection`: one reflection cycle over 10,000 new messages from 50 users
// (the earlier system promised < 500 ms), on SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import { benchDatabases } from "./databases";

const messages = Number(process.env.GRACE_BENCH_MESSAGES) || 10_000;
console.log(`\n| database | messages | one cycle (ms) | reflections written |`);
console.log("|---|---:|---:|---:|");
for (const db of await benchDatabases("reflection")) {
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/reflection-helper.ts", String(messages)], { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    const { ms, written, messageCount } = JSON.parse(r.stdout.trim().split("\n").pop()!);
    console.log(`| ${db.label} | ${messageCount} | ${ms} | ${written} |`);
  } finally {
    await db.drop();
  }
}
