import { describe, expect, it } from "vitest";
import * as submit from "../../app/api/executor/submit/route";
import * as status from "../../app/api/executor/status/[id]/route";
import * as list from "../../app/api/executor/tasks/route";
import * as cancel from "../../app/api/executor/tasks/[id]/cancel/route";
import * as retry from "../../app/api/executor/tasks/[id]/retry/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("the executor API", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const admin = await createUser({ role: "admin" });
  const token = await tokenFor(alice);

  it("submits a job ({task_id, status: queued}), shows its status, lists it, cancels and retries it", async () => {
    const res = await call(submit.POST, { bearer: token, body: { task_type: "steps", description: "demo", steps: 3 } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ task_id: expect.stringMatching(/^\d+$/), status: "queued" });
    const id = res.json.task_id;
    const job = await call(status.GET, { bearer: token, params: { id } });
    expect(job.json).toMatchObject({ task_id: id, task_type: "steps", description: "demo", status: "queued", progress: 0, attempts: 0, payload: { steps: 3, step_ms: 500 } });

    const mine = await call(list.GET, { bearer: token });
    expect(mine.json.map((j: { task_id: string }) => j.task_id)).toContain(id);
    expect((await call(status.GET, { bearer: await tokenFor(bob), params: { id } })).status).toBe(404);
    expect((await call(status.GET, { bearer: await tokenFor(admin), params: { id } })).status).toBe(200);

    const cancelled = await call(cancel.POST, { bearer: token, params: { id }, body: {} });
    expect(cancelled.json.status).toBe("cancelled");
    expect((await call(cancel.POST, { bearer: token, params: { id }, body: {} })).status).toBe(409);
    const retried = await call(retry.POST, { bearer: token, params: { id }, body: {} });
    expect(retried.json).toMatchObject({ status: "queued", attempts: 0 });
    const actions = (await db.logEntry.findMany({ where: { resource: `job:${id}` } })).map((e) => e.action);
    expect(actions).toEqual(["job.submit", "job.cancel", "job.retry"]);
  });

  it("keeps people's jobs at or below the default priority; an admin may raise one", async () => {
    const mine = await call(submit.POST, { bearer: token, body: { task_type: "steps", priority: 100 } });
    expect((await db.job.findUniqueOrThrow({ where: { id: Number(mine.json.task_id) } })).priority).toBe(0);
    const admins = await call(submit.POST, { bearer: await tokenFor(admin), body: { task_type: "steps", priority: 50 } });
    expect((await db.job.findUniqueOrThrow({ where: { id: Number(admins.json.task_id) } })).priority).toBe(50);
  });

  it("refuses unknown task types and bad step counts with 422", async () => {
    const res = await call(submit.POST, { bearer: token, body: { task_type: "reflection", steps: 0 } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.steps", "body.task_type"]);
  });
});
