// The worker's loop scheduler and the loops' job wrapper swallow no error: each failure is
// logged with its cause, one loop's failure does not stop the others, and a failure to record
// a failed cycle does not hide why the cycle failed.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import { LoopScheduler } from "../../workers/loops/scheduler";
import { timedLoop } from "../../workers/handlers/timed-loop";
import { db } from "../helpers/api";

/** The real database, with one model method replaced. */
function withModel(model: string, method: string, replace: (original: (args: unknown) => Promise<unknown>, args: { where?: { name?: string } }) => Promise<unknown>): Db {
  const bind = (target: object, value: unknown) => (typeof value === "function" ? value.bind(target) : value);
  return new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as object;
      if (prop !== model) return bind(target, value);
      return new Proxy(value, {
        get(delegate, p) {
          const original = bind(delegate, Reflect.get(delegate, p, delegate)) as (args: unknown) => Promise<unknown>;
          return p === method ? (args: { where?: { name?: string } }) => replace(original, args) : original;
        },
      });
    },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the loop scheduler", () => {
  it("logs a loop's failure with its cause and still runs the loops after it", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = new Error("the health loop's state cannot be read");
    // health comes first (by name): its failure must not keep learning, meta and reflection from running.
    const flaky = withModel("loopState", "findUnique", (original, args) => (args.where?.name === "health" ? Promise.reject(broken) : original(args)));
    const scheduler = new LoopScheduler({ owner: "test-scheduler", db: flaky, tickMs: 60_000, log: () => {} });
    scheduler.start();
    // waitFor's default second is too short when the machine is busy (the loop's first query waits for a connection).
    await vi.waitFor(() => expect(errors).toHaveBeenCalled(), { timeout: 20_000, interval: 50 });
    await scheduler.stop();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("health"), broken);
    const queued = await db.job.findMany({ where: { kind: { in: ["learning", "meta", "reflection"] } }, select: { kind: true } });
    expect(queued.map((j) => j.kind).sort()).toEqual(["learning", "meta", "reflection"]);
  });
});

describe("a loop cycle run as a job", () => {
  it("fails with the cycle's own error when recording the failure fails too, and logs both", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const unrecordable = new Error("the loop state table is locked");
    const flaky = withModel("loopState", "upsert", () => Promise.reject(unrecordable));
    await expect(
      timedLoop({
        db: flaky,
        name: "reflection",
        cycle: async () => {
          throw new Error("the cycle exploded");
        },
      }),
    ).rejects.toThrow("the cycle exploded");
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("could not record"), unrecordable);
  });
});
