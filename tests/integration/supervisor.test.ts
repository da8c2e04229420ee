// The supervisor behind `npm start`, against the test file's real database, with two tiny
// child scripts standing in for the web server and the worker (the real ones take seconds to
// start; the launcher e2e runs those). Each child appends "<name> <pid>" to a file when it
// starts, so every start is counted, including ones that should not have happened.
import { readFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as restartRoute from "../../app/api/health/restart/route";
import * as status from "../../app/api/health/status/route";
import { restartDelay } from "../../lib/system/supervisor/backoff";
import { claimCommand } from "../../lib/system/supervisor/commands";
import { Supervisor } from "../../lib/system/supervisor/supervisor";
import { listProcesses } from "../../lib/system/list-processes";
import { call, createUser, db, tokenFor } from "../helpers/api";

const dir = mkdtempSync(path.join(os.tmpdir(), "grace-supervisor-"));
const startsFile = path.join(dir, "starts.log");
writeFileSync(startsFile, "");
// "<name> stubborn" ignores SIGTERM: only the stop timeout's SIGKILL ends it. The start is
// written after the handler is in place, so a test that waited for it signals a child that is up.
const child = path.join(dir, "child.mjs");
writeFileSync(
  child,
  `import { appendFileSync } from "node:fs";
process.on("SIGTERM", () => (process.argv[3] === "stubborn" ? undefined : process.exit(0)));
setInterval(() => {}, 60_000);
appendFileSync(${JSON.stringify(startsFile)}, process.argv[2] + " " + process.pid + "\\n");
`,
);

const starts = (name: string) =>
  readFileSync(startsFile, "utf8")
    .split("\n")
    .filter((l) => l.startsWith(`${name} `))
    .map((l) => Number(l.split(" ")[1]));

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const settings = { backoffMs: 50, backoffMaxMs: 400, stableMs: 60_000, pollMs: 50, stopTimeoutMs: 10_000 };
const quiet = () => {};

function supervise(o: { settings?: Partial<typeof settings>; stubbornWorker?: boolean } = {}) {
  return new Supervisor({
    children: [
      { name: "web", command: process.execPath, args: [child, "web"] },
      { name: "worker", command: process.execPath, args: [child, "worker", ...(o.stubbornWorker ? ["stubborn"] : [])] },
    ],
    settings: { ...settings, ...o.settings },
    stdio: "ignore",
    log: quiet,
  });
}

async function processRow(supervisor: Supervisor, name: string) {
  return (await listProcesses()).find((p) => p.supervisor === supervisor.id && p.name === name);
}

/** Waits until the row shows a live child of `name` (other than `not`) that has run its script. */
async function running(supervisor: Supervisor, name: string, o: { not?: number } = {}) {
  let pid = 0;
  await expect
    .poll(
      async () => {
        const row = await processRow(supervisor, name);
        pid = row?.pid ?? 0;
        return row?.status === "running" && pid > 0 && pid !== o.not && alive(pid) && starts(name).includes(pid);
      },
      { timeout: 20_000, interval: 25 },
    )
    .toBe(true);
  return pid;
}

const restartEntries = async (name: string) =>
  (await db.logEntry.findMany({ where: { action: "system.restart", resource: `process:${name}` }, orderBy: { sequence: "asc" } })).map((e) => ({ ...e, payload: JSON.parse(e.payload) }));

describe("restart backoff", () => {
  it("doubles from the first delay up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((attempt) => restartDelay({ attempt, baseMs: 1000, maxMs: 30_000 }))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

// Before any supervisor runs in this file (one would claim these commands itself).
describe("restart commands", () => {
  it("are refused (409) while no supervisor runs the process", async () => {
    const admin = await createUser({ role: "admin" });
    const res = await call(restartRoute.POST, { bearer: await tokenFor(admin), body: { component: "worker" } });
    expect(res.status).toBe(409);
    expect(await db.supervisorCommand.count()).toBe(0);
  });

  it("lets exactly one supervisor claim each command", async () => {
    const created = await db.supervisorCommand.createManyAndReturn({ data: Array.from({ length: 12 }, () => ({ action: "noop", component: "web", requestedBy: "test" })) });
    const claims = async (supervisor: string) => {
      const got: number[] = [];
      for (let c = await claimCommand({ db, supervisor }); c; c = await claimCommand({ db, supervisor })) got.push(c.id);
      return got;
    };
    const [a, b, c] = await Promise.all([claims("a"), claims("b"), claims("c")]);
    expect([...a, ...b, ...c].sort((x, y) => x - y)).toEqual(created.map((x) => x.id));
  });
});

describe("the supervisor", async () => {
  const admin = await createUser({ role: "admin" });
  const adminToken = await tokenFor(admin);
  const alice = await createUser();
  const aliceToken = await tokenFor(alice);
  const supervisor = supervise();
  beforeAll(() => supervisor.start());
  afterAll(() => supervisor.stop());

  it("restarts a child killed with SIGKILL, with backoff, and records and audits each restart", async () => {
    const web = await running(supervisor, "web");
    const first = await running(supervisor, "worker");
    process.kill(first, "SIGKILL");
    const second = await running(supervisor, "worker", { not: first });
    expect(alive(first)).toBe(false);

    const row = await processRow(supervisor, "worker");
    expect(row).toMatchObject({ status: "running", pid: second, restarts: 1, last_exit: { code: null, signal: "SIGKILL" } });
    const [entry] = await restartEntries("worker");
    expect(entry).toMatchObject({ actor: "system", subsystem: "health", result: "success" });
    expect(entry.payload).toMatchObject({ reason: "crashed", signal: "SIGKILL", exit_code: null, attempt: 1, previous_pid: first, pid: second, supervisor: supervisor.id });

    // Again before it has been up stableMs: the second crash in a row (a longer backoff).
    process.kill(second, "SIGKILL");
    const third = await running(supervisor, "worker", { not: second });
    expect((await restartEntries("worker")).map((e) => e.payload.attempt)).toEqual([1, 2]);
    expect((await processRow(supervisor, "worker"))?.restarts).toBe(2);
    expect(starts("worker")).toEqual([first, second, third]);

    // The other child was left alone.
    expect(await processRow(supervisor, "web")).toMatchObject({ pid: web, restarts: 0, last_exit: null });

    // Health shows the table to admins (hosts and pids are the operators' business).
    expect((await call(status.GET, { bearer: aliceToken, path: "/api/health/status" })).json.processes).toBeUndefined();
    const health = await call(status.GET, { bearer: adminToken, path: "/api/health/status" });
    expect(health.json.processes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "worker", pid: third, status: "running", restarts: 2, last_exit: expect.objectContaining({ signal: "SIGKILL" }), started_at: expect.any(String) }),
        expect.objectContaining({ name: "web", pid: web, status: "running", restarts: 0 }),
      ]),
    );
  });

  it("restarts a child gracefully through POST /api/health/restart (body or ?component=), audited", async () => {
    expect((await call(restartRoute.POST, { bearer: aliceToken, body: { component: "web" } })).status).toBe(403);
    const bad = await call(restartRoute.POST, { bearer: adminToken, body: { component: "database" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("body.component");

    const web = await running(supervisor, "web");
    const res = await call(restartRoute.POST, { bearer: adminToken, body: { component: "web" } });
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ status: "requested", command_id: expect.any(Number), component: "web" });
    const requested = await db.logEntry.findFirstOrThrow({ where: { action: "system.restart_requested" } });
    expect(requested).toMatchObject({ actor: admin.username, resource: "process:web" });
    expect(JSON.parse(requested.payload)).toEqual({ command_id: res.json.command_id, component: "web" });

    const next = await running(supervisor, "web", { not: web });
    await expect.poll(async () => (await db.supervisorCommand.findUniqueOrThrow({ where: { id: res.json.command_id } })).status, { timeout: 20_000 }).toBe("done");
    const command = await db.supervisorCommand.findUniqueOrThrow({ where: { id: res.json.command_id } });
    expect(command).toMatchObject({ claimedBy: supervisor.id, requestedBy: admin.username, error: null });
    expect(alive(web)).toBe(false);
    // A graceful stop: the old child exited on SIGTERM with code 0.
    expect(await processRow(supervisor, "web")).toMatchObject({ pid: next, restarts: 1, last_exit: { code: 0, signal: null } });
    const [entry] = await restartEntries("web");
    expect(entry.payload).toMatchObject({ reason: "requested", command_id: res.json.command_id, requested_by: admin.username, previous_pid: web, pid: next, exit_code: 0 });

    const worker = await running(supervisor, "worker");
    const viaQuery = await call(restartRoute.POST, { bearer: adminToken, path: "/api/health/restart?component=worker" });
    expect(viaQuery.status).toBe(202);
    await running(supervisor, "worker", { not: worker });
    await expect.poll(async () => (await db.supervisorCommand.findUniqueOrThrow({ where: { id: viaQuery.json.command_id } })).status, { timeout: 20_000 }).toBe("done");
  });

  it("stops both children on stop(), waiting for them, and restarts nothing after", async () => {
    const other = supervise({ settings: { stopTimeoutMs: 200 }, stubbornWorker: true });
    await other.start();
    const web = await running(other, "web");
    const worker = await running(other, "worker");
    const webStarts = starts("web").length;
    await other.stop();
    expect(alive(web)).toBe(false);
    expect(alive(worker)).toBe(false); // ignored SIGTERM: killed after stopTimeoutMs
    const rows = (await listProcesses()).filter((p) => p.supervisor === other.id);
    expect(rows.map((r) => [r.name, r.status, r.pid]).sort()).toEqual([
      ["web", "stopped", null],
      ["worker", "stopped", null],
    ]);
    expect(rows.find((r) => r.name === "worker")?.last_exit).toMatchObject({ signal: "SIGKILL" });
    expect(rows.find((r) => r.name === "web")?.last_exit).toMatchObject({ code: 0 });
    // Nothing came back: several backoff periods later there is no new start and no restart.
    await new Promise((r) => setTimeout(r, 5 * settings.backoffMaxMs));
    expect(starts("web").length).toBe(webStarts);
    expect((await restartEntries("web")).filter((e) => e.payload.supervisor === other.id)).toEqual([]);
  });

  it("does not restart a crashed child that is waiting out its backoff when it is stopped", async () => {
    const other = supervise({ settings: { backoffMs: 60_000, backoffMaxMs: 60_000 } });
    await other.start();
    const worker = await running(other, "worker");
    const workerStarts = starts("worker").length;
    process.kill(worker, "SIGKILL");
    await expect.poll(async () => (await processRow(other, "worker"))?.status, { timeout: 20_000 }).toBe("backoff");
    await other.stop();
    expect(await processRow(other, "worker")).toMatchObject({ status: "stopped", pid: null, restarts: 0 });
    expect(starts("worker").length).toBe(workerStarts);
  });
});
