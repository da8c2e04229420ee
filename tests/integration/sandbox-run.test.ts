// Issue 12, items 1, 2 and 4: a run through the API. The web process (this test) only records
// the run and its job; a real worker process runs the program in the sandbox. The worker polls
// once a minute, so every run finishing here was started by the queue's signal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runRoute from "../../app/api/sandbox/run/route";
import * as runsRoute from "../../app/api/sandbox/runs/route";
import * as oneRunRoute from "../../app/api/sandbox/runs/[id]/route";
import * as streamRoute from "../../app/api/sandbox/runs/[id]/stream/route";
import * as stopRoute from "../../app/api/sandbox/runs/[id]/stop/route";
import * as limitsRoute from "../../app/api/sandbox/limits/route";
import * as writeRoute from "../../app/api/sandbox/write/route";
import { loadCodeRules } from "../../lib/code/rules";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { spawnWorker, type WorkerProcess } from "../helpers/worker-process";

type Caller = { bearer: string };
const runIt = (who: Caller, body: unknown) => call(runRoute.POST, { ...who, path: "/api/sandbox/run", body });

let worker: WorkerProcess;
beforeAll(async () => {
  worker = spawnWorker({ GRACE_QUEUE_POLL_MS: "60000", GRACE_WORKERS: "2", GRACE_JOB_LEASE_SECONDS: "30", GRACE_LOOPS: "off" });
  for (let i = 0; i < 300 && !/running \(concurrency/.test(worker.output()); i++) await new Promise((r) => setTimeout(r, 100));
}, 60_000);
afterAll(async () => {
  worker.child.kill("SIGTERM");
  await worker.exited;
});

describe("POST /api/sandbox/run", async () => {
  const alice = await createUser();
  const a = { bearer: await tokenFor(alice) };
  const bob = await createUser();
  const b = { bearer: await tokenFor(bob) };

  it("runs the editor's buffer with stdin and answers the result, kept in the history and audited", async () => {
    const res = await runIt(a, { language: "python", code: "name = input()\nprint(f'hi {name}')", stdin: "Ada\n" });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ status: "ok", stdout: "hi Ada\n", exit_code: 0, success: true, file_name: "main.py", issue_id: null, security_alerts: 0 });
    expect(res.json.limits).toMatchObject({ cpu_seconds: 5, wall_seconds: 10, memory_mb: 256 });
    expect(res.json.duration_ms).toBeGreaterThan(0);
    const history = await call(runsRoute.GET, { ...a, path: "/api/sandbox/runs?limit=5" });
    expect(history.json.items[0]).toMatchObject({ run_id: res.json.run_id, status: "ok" });
    const actions = (await db.logEntry.findMany({ where: { resource: `sandbox_run:${res.json.run_id}` }, orderBy: { sequence: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["sandbox.run.request", "sandbox.execution_completed"]);
  }, 30_000);

  it("runs a saved file by name, and the earlier API's {command, file_name} only as interpreter + file", async () => {
    expect((await call(writeRoute.POST, { ...a, path: "/api/sandbox/write", body: { file_path: "tools/add.js", content: "const [x, y] = process.argv.slice(2).map(Number); console.log(x + y);" } })).status).toBe(201);
    const byName = await runIt(a, { file_name: "tools/add.js", args: ["2", "3"] });
    expect(byName.json).toMatchObject({ status: "ok", stdout: "5\n", language: "javascript" });
    const legacy = await runIt(a, { command: "node tools/add.js 40 2", file_name: "tools/add.js" });
    expect(legacy.json).toMatchObject({ status: "ok", stdout: "42\n", command: "node tools/add.js 40 2" });
    for (const command of ["node tools/add.js; cat /etc/passwd", "cat /etc/passwd", "node tools/add.js $(id)", "curl http://x | sh"]) {
      const refused = await runIt(a, { command });
      expect(refused.status, command).toBe(422);
      expect(refused.json.error.fields[0].field).toBe("body.command");
    }
    expect((await runIt(b, { file_name: "tools/add.js" })).status).toBe(404); // bob has no such file: alice's stay hers
  }, 30_000);

  it("drops the files a run writes unless asked to keep them; kept ones join the user's files, audited", async () => {
    const code = "import os\nos.makedirs('out', exist_ok=True)\nopen('out/report.txt', 'w').write('done')\nopen('raw.bin', 'wb').write(bytes([0, 255, 1]))";
    const dropped = await runIt(a, { language: "python", code: code.replace("out/", "") });
    expect(dropped.json.files_written.map((f: { path: string }) => f.path).sort()).toEqual(["raw.bin", "report.txt"]);
    expect(await db.sandboxFile.count({ where: { userId: alice.id, path: "report.txt" } })).toBe(0);
    const kept = await runIt(a, { language: "python", code, save_files: true });
    expect(kept.json.files_written).toEqual(
      expect.arrayContaining([
        { path: "out/report.txt", size: 4, saved: true },
        { path: "raw.bin", size: 3, saved: false, not_saved: "not text" },
      ]),
    );
    expect((await db.sandboxFile.findUniqueOrThrow({ where: { userId_path: { userId: alice.id, path: "out/report.txt" } } })).content).toBe("done");
    expect(await db.logEntry.count({ where: { action: "sandbox.file.write", actor: alice.username } })).toBeGreaterThan(0);
  }, 30_000);

  it("reports a failing program's status, and a limit's", async () => {
    const failed = await runIt(a, { language: "bash", code: "echo oops >&2; exit 3" });
    expect(failed.json).toMatchObject({ status: "runtime_error", exit_code: 3, stderr: "oops\n", success: false });
    // A Python error Grace can diagnose: the run comes back with its code issue, opened with it.
    const typo = await runIt(a, { language: "python", code: 'prnt("hi")' });
    expect(typo.json).toMatchObject({ status: "runtime_error", success: false });
    expect(typo.json.issue_id).toEqual(expect.any(Number));
    const issue = await db.codeIssue.findUniqueOrThrow({ where: { id: typo.json.issue_id } });
    expect(issue).toMatchObject({ userId: alice.id, sandboxRunId: typo.json.run_id, errorType: "NameError", line: 1, status: "pending" });
    const slow = await runIt(a, { language: "python", code: "while True: pass", limits: { wall_seconds: 1, cpu_seconds: 1 } });
    expect(slow.json.status).toBe("timeout");
    const tooBig = await runIt(a, { language: "python", code: "x = 1", limits: { memory_mb: 999999 } });
    expect(tooBig.status).toBe(422);
    expect(tooBig.json.error.fields[0].field).toBe("body.limits.memory_mb");
  }, 30_000);

  it("streams output as it is written, then the end; Stop kills a run at once", async () => {
    const started = await runIt(a, { language: "python", code: "import time\nfor i in range(3):\n    print(i, flush=True)\n    time.sleep(0.2)", stream: true });
    expect(started.status).toBe(202);
    const id = String(started.json.run_id);
    const stream = await call(streamRoute.GET, { ...a, path: `/api/sandbox/runs/${id}/stream`, params: { id } });
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = stream.text.split("\n\n").filter(Boolean).map((f) => ({ event: /^event: (\w+)/.exec(f)![1], data: JSON.parse(/data: (.*)/.exec(f)![1]) }));
    expect(events.filter((e) => e.event === "output").map((e) => e.data.text).join("")).toBe("0\n1\n2\n");
    expect(events.at(-1)).toMatchObject({ event: "done", data: { status: "ok", stdout: "0\n1\n2\n" } });
    // Someone else's run is not found, its stream neither.
    expect((await call(streamRoute.GET, { ...b, path: `/api/sandbox/runs/${id}/stream`, params: { id } })).status).toBe(404);
    expect((await call(oneRunRoute.GET, { ...b, path: `/api/sandbox/runs/${id}`, params: { id } })).status).toBe(404);

    const forever = await runIt(a, { language: "python", code: "print('started', flush=True)\nwhile True: pass", stream: true, limits: { wall_seconds: 30, cpu_seconds: 30 } });
    const fid = String(forever.json.run_id);
    await expect.poll(async () => (await call(oneRunRoute.GET, { ...a, path: `/api/sandbox/runs/${fid}`, params: { id: fid } })).json.status, { timeout: 15_000 }).toBe("running");
    const stopped = await call(stopRoute.POST, { ...a, path: `/api/sandbox/runs/${fid}/stop`, params: { id: fid } });
    expect(stopped.status).toBe(200);
    // Well before its 30 s limit: the cancel reached the worker through the signal.
    await expect.poll(async () => (await call(oneRunRoute.GET, { ...a, path: `/api/sandbox/runs/${fid}`, params: { id: fid } })).json.status, { timeout: 10_000 }).toBe("killed");
    expect((await call(stopRoute.POST, { ...a, path: `/api/sandbox/runs/${fid}/stop`, params: { id: fid } })).status).toBe(409);
  }, 60_000);

  it("a code rule that blocks refuses the run with 403, records why, and runs nothing", async () => {
    const rule = await db.securityRule.create({ data: { name: "test-no-secret-word", target: "code", pattern: "forbidden_word_[0-9]+", severity: "high", action: "block" } });
    await loadCodeRules({ maxAgeMs: 0 }); // read now, not when this process's copy is 2 s old
    try {
      const before = await db.job.count({ where: { kind: "sandbox_run" } });
      const res = await runIt(a, { language: "python", code: "print('ok')\nx = 'forbidden_word_42'" });
      expect(res.status).toBe(403);
      expect(res.json.error.message).toMatch(/test-no-secret-word/);
      expect(await db.job.count({ where: { kind: "sandbox_run" } })).toBe(before);
      const run = await db.sandboxRun.findFirstOrThrow({ where: { userId: alice.id }, orderBy: { id: "desc" } });
      expect(run).toMatchObject({ status: "failed", securityAlerts: 1 });
      expect(await db.securityEvent.count({ where: { resource: `sandbox_run:${run.id}`, actionTaken: "blocked" } })).toBe(1);
    } finally {
      await db.securityRule.delete({ where: { id: rule.id } });
    }
  }, 30_000);

  it("shows the limits a run gets and the most it may ask for", async () => {
    const res = await call(limitsRoute.GET, { ...a, path: "/api/sandbox/limits" });
    expect(res.json).toMatchObject({ isolation: "bwrap", languages: ["python", "javascript", "typescript", "bash"], limits: { cpu_seconds: 5, wall_seconds: 10, memory_mb: 256, processes: 64, file_size_mb: 10, output_kb: 64 } });
    expect(res.json.max_limits.wall_seconds).toBeGreaterThanOrEqual(res.json.limits.wall_seconds);
  });
});
