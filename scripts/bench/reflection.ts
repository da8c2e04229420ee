// `npm run bench:reflection`: one reflection cycle over 10,000 new messages from 50 users
// (the earlier system promised < 500 ms), on SQLite and PostgreSQL.
import { spawnSync } from "node:child_process";
import { benchDatabases } from "./databases";
import { recordRun, reportLines, tableSummary } from "./record";

const report = reportLines();

const messages = Number(process.env.GRACE_BENCH_MESSAGES) || 10_000;
report.say(`\n| database | messages | one cycle (ms) | reflections written |`);
report.say("|---|---:|---:|---:|");
for (const db of await benchDatabases("reflection")) {
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/reflection-helper.ts", String(messages)], { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    const { ms, written, messageCount } = JSON.parse(r.stdout.trim().split("\n").pop()!);
    report.say(`| ${db.label} | ${messageCount} | ${ms} | ${written} |`);
  } finally {
    await db.drop();
  }
}

recordRun({
  heading: "## Reflection (`npm run bench:reflection`)",
  when: new Date().toISOString().slice(0, 10),
  report: `One cycle over 10,000 new messages from 50 users (read the batch, topics overall and per user,\nwrite 51 reflections, the audit entry and the learning job in one transaction). The earlier\nsystem promised < 500 ms.\n\n${report.text()}`,
  summary: tableSummary,
});
