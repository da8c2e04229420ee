// What the health loop stores about a failure is read by every signed-in user
// (GET /api/health/status): a safe, short message with a reference. The error itself — a
// Prisma invocation with source lines and SQL in it — goes to the server log only.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { remedies } from "../../lib/health/remedies";
import * as status from "../../app/api/health/status/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

const INTERNAL = [
  "Invalid `prisma.workerHeartbeat.count()` invocation in",
  "/srv/grace/lib/health/checks.ts:33:40",
  '  SELECT "secret_column" FROM "WorkerHeartbeat" WHERE "lastSeenAt" < $1',
  "SqliteError: no such column: secret_column",
].join("\n");
const LEAKS = /invocation|prisma|secret_column|SELECT|\/srv\/grace|SqliteError/i;

/** The real database, with one model's method failing the way a driver error does. */
function failing(model: string, method: string, error: Error): Db {
  const bind = (target: object, value: unknown) => (typeof value === "function" ? value.bind(target) : value);
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as object;
      if (prop !== model) return bind(target, value);
      return new Proxy(value, {
        get: (delegate, p) => (p === method ? () => Promise.reject(error) : bind(delegate, Reflect.get(delegate, p, delegate))),
      });
    },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a failed health check", () => {
  it("stores and shows a safe message with a reference, and logs the error with it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const internal = new Error(INTERNAL);
    const { results } = await runHealthCycle({ db: failing("workerHeartbeat", "count", internal) });
    const workers = results.find((r) => r.component === "workers")!;
    expect(workers.status).toBe("down");
    expect(workers.error).toMatch(/^an internal error \(reference [0-9a-f]{8}: the server log has the details\)$/);

    const stored = await db.healthCheck.findFirstOrThrow({ where: { component: "workers" }, orderBy: { id: "desc" } });
    expect(stored.error).toBe(workers.error);
    const reference = workers.error!.match(/reference ([0-9a-f]{8})/)![1];
    expect(errors.mock.calls.some(([line, cause]) => String(line).includes(reference) && cause === internal)).toBe(true);

    const alice = await createUser();
    const res = await call(status.GET, { bearer: await tokenFor(alice), path: "/api/health/status?limit=10" });
    expect(res.status).toBe(200);
    const shown = res.json.checks.find((c: { component: string }) => c.component === "workers");
    expect(shown).toMatchObject({ status: "down", error: workers.error });
    expect(res.text).not.toMatch(LEAKS);
  });

  it("keeps a failed remedy's internals out of its healing action", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await db.workerHeartbeat.create({ data: { id: "alive", hostname: "h", pid: 1, concurrency: 1, lastSeenAt: new Date(Date.now() + 3_600_000) } });
    // Only the queue check fails (a lease that lapsed), and its remedy throws a driver error.
    await db.job.create({ data: { kind: "steps", status: "running", attempts: 1, leaseOwner: "alive", leaseExpiresAt: new Date(Date.now() - 60_000) } });
    const internal = new Error(INTERNAL);
    vi.spyOn(remedies, "queue").mockRejectedValue(internal);
    await runHealthCycle();
    const { actions } = await runHealthCycle();
    expect(actions).toEqual([{ component: "queue", action: "remedy:queue", result: "failed", detail: expect.stringMatching(/^an internal error \(reference [0-9a-f]{8}/) }]);
    expect((await db.healingAction.findFirstOrThrow({ where: { component: "queue" }, orderBy: { id: "desc" } })).detail).toBe(actions[0].detail);
    expect(errors.mock.calls.some(([line, cause]) => String(line).includes("queue remedy failed") && cause === internal)).toBe(true);

    const alice = await createUser();
    const res = await call(status.GET, { bearer: await tokenFor(alice), path: "/api/health/status?limit=10" });
    expect(res.json.actions.find((a: { component: string }) => a.component === "queue")).toMatchObject({ result: "failed", detail: actions[0].detail });
    expect(res.text).not.toMatch(LEAKS);
    await db.workerHeartbeat.delete({ where: { id: "alive" } });
  });
});
