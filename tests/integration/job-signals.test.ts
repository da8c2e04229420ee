// The queue's signals: a job enqueued wakes an idle worker at once, its end wakes whoever waits
// for it, a cancel stops its run — without waiting for a poll. The workers here poll once a
// minute, so a job done within the test's time can only have been started by a signal.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";
import { waitForJob } from "../../lib/jobs/wait-for-job";
import { localBus, signalDir } from "../../lib/jobs/signals/local";
import { postgresBus } from "../../lib/jobs/signals/postgres";
import type { JobSignal } from "../../lib/jobs/signals";
import { createUser, db } from "../helpers/api";
import { spawnWorker, type WorkerProcess } from "../helpers/worker-process";
import { DEFAULT_TEST_DATABASE_URL } from "../setup/postgres-server";

const SLOW_POLL = { GRACE_QUEUE_POLL_MS: "60000", GRACE_WORKERS: "1" };

async function started(w: WorkerProcess) {
  await expect.poll(() => w.output(), { timeout: 30_000 }).toMatch(/running \(concurrency/);
  // Its first, empty claim is behind it: from here on only a signal (or a minute) wakes it.
  await new Promise((r) => setTimeout(r, 300));
}

describe("signals between processes", () => {
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGTERM");
    await Promise.all(workers.map((w) => w.exited));
  });

  it("an idle worker starts a new job at once, and the waiting process hears it finish", async () => {
    const w = spawnWorker(SLOW_POLL);
    workers.push(w);
    await started(w);
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 1, step_ms: 0 } }));
    // Polls every minute: only the worker's "done" signal can end this wait within 20 s.
    const done = await waitForJob({ jobId: job.id, timeoutMs: 20_000, pollMs: 60_000 });
    expect(done.status).toBe("completed");
    w.child.kill("SIGTERM"); // the next test's job must go to its own worker
    await w.exited;
  }, 60_000);

  it("a cancel stops the running job's handler at once, not at its next heartbeat", async () => {
    const w = spawnWorker({ ...SLOW_POLL, GRACE_JOB_LEASE_SECONDS: "600" });
    workers.push(w);
    await started(w);
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "steps", payload: { steps: 400, step_ms: 100 } }));
    await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 20_000 }).toBe("running");
    const { cancelJob } = await import("../../lib/jobs/cancel-job");
    const admin = await createUser({ role: "admin" });
    await writeTransaction((tx) => cancelJob({ tx, user: { ...admin, role: "admin" }, jobId: job.id }));
    // The heartbeat comes every 200 s with this lease: the worker logs the stop well before.
    await expect.poll(() => w.output(), { timeout: 20_000 }).toMatch(new RegExp(`job ${job.id}.*cancel`, "i")).catch((e) => {
      throw new Error(`${(e as Error).message}\n${w.output()}`);
    });
  }, 60_000);
});

describe("the local bus", () => {
  it("reaches every listening process's socket and clears those of dead processes", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "signals-")), "grace.db");
    const a = localBus(file);
    const b = localBus(file);
    const heard: JobSignal[] = [];
    b.listen((s) => heard.push(s));
    a.listen(() => undefined);
    // A socket file left by a process that died without closing it.
    const stale = path.join(signalDir(file), "999999-dead.sock");
    const server = net.createServer().listen(stale);
    await new Promise((r) => server.once("listening", r));
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    a.send({ type: "done", jobId: 7 });
    await expect.poll(() => heard).toEqual([{ type: "done", jobId: 7 }]);
    await expect.poll(() => readdirSync(signalDir(file)).includes("999999-dead.sock")).toBe(false);
    await Promise.all([a.close(), b.close()]);
  });
});

describe("the PostgreSQL bus", () => {
  it("carries a signal from one connection to another through LISTEN/NOTIFY", async () => {
    const url = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
    const a = postgresBus(url);
    const b = postgresBus(url);
    const heard: JobSignal[] = [];
    b.listen((s) => heard.push(s));
    // b's LISTEN must be in place before a sends: resend until it hears (NOTIFY is not queued for later listeners).
    await expect
      .poll(() => {
        a.send({ type: "cancel", jobId: 3 });
        return heard.length > 0;
      }, { timeout: 10_000 })
      .toBe(true);
    expect(heard[0]).toEqual({ type: "cancel", jobId: 3 });
    await Promise.all([a.close(), b.close()]);
  });
});
