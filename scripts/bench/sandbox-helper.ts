// Child of scripts/bench/sandbox.ts, with DATABASE_URL set: calls the run route's handler in
// process (no HTTP server) while a real worker process runs the programs, and measures each
// language's `print("hi")` end to end, enqueue → start from the jobs' own timestamps, and runs
// per second with 4 callers; beside them, the bare interpreter started without a sandbox.
import { execFileSync } from "node:child_process";
import * as run from "../../app/api/sandbox/run/route";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";
import { createToken } from "../../lib/tokens/create-token";
import { registerUser } from "../../lib/auth/register-user";
import { findProgram } from "../../lib/sandbox/runner/tools";

const PROGRAMS = {
  python: { code: 'print("hi")', bare: ["python3", "-c", 'print("hi")'] },
  javascript: { code: 'console.log("hi")', bare: ["node", "-e", 'console.log("hi")'] },
  typescript: { code: 'const s: string = "hi"; console.log(s)', bare: ["node", "-e", 'console.log("hi")'] },
  bash: { code: "echo hi", bare: ["bash", "-c", "echo hi"] },
} as const;
const SAMPLES = Number(process.env.GRACE_BENCH_SANDBOX_SAMPLES) || 30;

const user = await writeTransaction((tx) => registerUser({ tx, username: `bench${Date.now().toString(36)}`, passwordHash: "x", role: "user", actor: "system" }));
const { token } = await writeTransaction((tx) => createToken({ tx, user, name: "bench-sandbox" }));

async function call(language: string, code: string) {
  const req = new Request("http://bench.test/api/sandbox/run", {
    method: "POST",
    headers: { host: "bench.test", authorization: `Bearer ${token}`, "content-type": "application/json", "x-grace-client-ip": "127.0.0.1" },
    body: JSON.stringify({ language, code }),
  });
  const res = await run.POST(req, { params: Promise.resolve({}) });
  const body = (await res.json()) as { status: string; stdout: string; run_id: number };
  if (res.status !== 200 || body.status !== "ok" || body.stdout.trim() !== "hi") throw new Error(`run answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.run_id;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor((p / 100) * (s.length - 1))] * 10) / 10;
};

const rows = [];
for (const [language, p] of Object.entries(PROGRAMS)) {
  await call(language, p.code); // warm-up: the worker's first TypeScript transpile loads the compiler
  const ms: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    ids.push(await call(language, p.code));
    ms.push(performance.now() - t);
  }
  const jobs = await db.job.findMany({ where: { kind: "sandbox_run" }, orderBy: { id: "desc" }, take: SAMPLES });
  const waits = jobs.filter((j) => j.startedAt).map((j) => j.startedAt!.getTime() - j.createdAt.getTime());
  const bare: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    // The interpreter the sandbox runs (the system's, not a version manager's shim on PATH).
    execFileSync(findProgram(p.bare[0]) ?? p.bare[0], p.bare.slice(1));
    bare.push(performance.now() - t);
  }
  // Throughput: 4 callers for SAMPLES × 2 runs.
  const t0 = performance.now();
  let left = SAMPLES * 2;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (left-- > 0) await call(language, p.code);
  }));
  const rps = Math.round(((SAMPLES * 2) / ((performance.now() - t0) / 1000)) * 10) / 10;
  rows.push({ language, p50: pct(ms, 50), p95: pct(ms, 95), startP50: pct(waits, 50), startP95: pct(waits, 95), rps, bare: pct(bare, 50) });
}
console.log(JSON.stringify(rows));
await db.$disconnect();
