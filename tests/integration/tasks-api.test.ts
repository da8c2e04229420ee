import { describe, expect, it } from "vitest";
import * as tasks from "../../app/api/tasks/route";
import * as task from "../../app/api/tasks/[id]/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("people's tasks: /api/tasks/", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const token = await tokenFor(alice);
  const bobToken = await tokenFor(bob);

  it("creates, lists (bare array), filters and updates a task; completing stamps completed_at", async () => {
    const created = await call(tasks.POST, { bearer: token, body: { title: "Write the report", priority: "high" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ title: "Write the report", description: "", status: "pending", priority: "high", auto_generated: false, completed_at: null });

    const list = await call(tasks.GET, { bearer: token });
    expect(Array.isArray(list.json)).toBe(true);
    expect(list.json[0].id).toBe(created.json.id);

    const done = await call(task.PATCH, { bearer: token, method: "PATCH", params: { id: String(created.json.id) }, body: { status: "completed" } });
    expect(done.status).toBe(200);
    expect(done.json.status).toBe("completed");
    expect(done.json.completed_at).not.toBeNull();
    const reopened = await call(task.PATCH, { bearer: token, method: "PATCH", params: { id: String(created.json.id) }, body: { status: "in_progress", title: "Write the full report" } });
    expect(reopened.json).toMatchObject({ status: "in_progress", title: "Write the full report", completed_at: null });

    const filtered = await call(tasks.GET, { bearer: token, path: "/api/tasks/?status=completed" });
    expect(filtered.json.map((t: { id: number }) => t.id)).not.toContain(created.json.id);
    expect(await db.logEntry.count({ where: { resource: `task:${created.json.id}` } })).toBe(3);
  });

  it("keeps tasks private, validates input and paginates with X-Next-Cursor", async () => {
    const mine = await call(tasks.POST, { bearer: token, body: { title: "private" } });
    const other = await call(task.PATCH, { bearer: bobToken, method: "PATCH", params: { id: String(mine.json.id) }, body: { status: "completed" } });
    expect(other.status).toBe(404);
    expect((await call(tasks.GET, { bearer: bobToken })).json).toEqual([]);

    const bad = await call(tasks.POST, { bearer: token, body: { title: "", priority: "urgent" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.priority", "body.title"]);
    const empty = await call(task.PATCH, { bearer: token, method: "PATCH", params: { id: String(mine.json.id) }, body: {} });
    expect(empty.status).toBe(422);
    const badStatus = await call(task.PATCH, { bearer: token, method: "PATCH", params: { id: String(mine.json.id) }, body: { status: "done" } });
    expect(badStatus.json.error.fields[0].field).toBe("body.status");

    for (let i = 0; i < 3; i++) await call(tasks.POST, { bearer: token, body: { title: `t${i}` } });
    const first = await call(tasks.GET, { bearer: token, path: "/api/tasks/?limit=2" });
    expect(first.json).toHaveLength(2);
    const cursor = first.headers.get("x-next-cursor");
    expect(cursor).toBeTruthy();
    const second = await call(tasks.GET, { bearer: token, path: `/api/tasks/?limit=2&cursor=${cursor}` });
    expect(second.json[0].id).toBeLessThan(first.json[1].id);
  });
});
