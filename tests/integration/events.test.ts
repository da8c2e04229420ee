import { describe, expect, it } from "vitest";
import * as events from "../../app/api/events/route";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";
import { setSystemMode } from "../../lib/system/set-mode";
import { createUser, db, tokenFor } from "../helpers/api";

process.env.GRACE_EVENTS_POLL_MS = "100";

async function open(token: string) {
  const abort = new AbortController();
  const res = await events.GET(new Request("http://grace.test/api/events", { headers: { authorization: `Bearer ${token}` }, signal: abort.signal }), { params: Promise.resolve({}) });
  const reader = res.body!.getReader();
  let buffer = "";
  const decoder = new TextDecoder();
  return {
    res,
    close: () => abort.abort(),
    /** Reads until the text matches, or fails after the timeout. */
    async waitFor(pattern: RegExp, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(buffer)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${pattern} in:\n${buffer}`);
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
        if (chunk && !chunk.done) buffer += decoder.decode(chunk.value);
      }
      return buffer;
    },
    text: () => buffer,
  };
}

describe("GET /api/events (Server-Sent Events)", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const admin = await createUser({ role: "admin" });

  it("streams the caller's job progress and mode changes, not other people's jobs", async () => {
    const stream = await open(await tokenFor(alice));
    expect(stream.res.headers.get("content-type")).toContain("text/event-stream");
    await stream.waitFor(/: connected/);
    await new Promise((r) => setTimeout(r, 300)); // the poller takes its first look
    const bobs = await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "bob's job", createdById: bob.id }));
    const mine = await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "alice's job", createdById: alice.id }));
    await stream.waitFor(new RegExp(`event: job\\ndata: \\{"task_id":"${mine.id}"`));
    await db.job.update({ where: { id: mine.id }, data: { status: "running", progress: 40 } });
    await stream.waitFor(/"progress":40/);
    await writeTransaction((tx) => setSystemMode({ tx, mode: "read_only", reason: "live test", actor: admin.username }));
    await stream.waitFor(/event: mode\ndata: \{"mode":"read_only","reason":"live test"/);
    await writeTransaction((tx) => setSystemMode({ tx, mode: "normal", reason: "", actor: admin.username }));
    expect(stream.text()).not.toContain(`"task_id":"${bobs.id}"`);
    stream.close();
  });

  it("keeps up after a burst of more changes than one page", async () => {
    const stream = await open(await tokenFor(alice));
    await stream.waitFor(/: connected/);
    await new Promise((r) => setTimeout(r, 300));
    await db.job.createMany({ data: Array.from({ length: 700 }, () => ({ kind: "steps", description: "burst", createdById: bob.id })) });
    await new Promise((r) => setTimeout(r, 500));
    const after = await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "after the burst", createdById: alice.id }));
    await stream.waitFor(new RegExp(`"task_id":"${after.id}"`));
    stream.close();
  });

  it("hides a loop job's result from the non-admin who triggered it, as GET /api/executor/status does", async () => {
    const stream = await open(await tokenFor(alice));
    await stream.waitFor(/: connected/);
    await new Promise((r) => setTimeout(r, 300));
    const job = await writeTransaction((tx) => enqueue({ tx, kind: "reflection", description: "reflect now", createdById: alice.id }));
    await db.job.update({ where: { id: job.id }, data: { status: "completed", progress: 100, result: { secret_topics: ["everyone's data"] } } });
    const text = await stream.waitFor(new RegExp(`"task_id":"${job.id}"[^\n]*"status":"completed"`));
    expect(text).not.toContain("secret_topics");
    stream.close();
  });

  it("needs credentials", async () => {
    const res = await events.GET(new Request("http://grace.test/api/events"), { params: Promise.resolve({}) });
    expect(res.status).toBe(401);
  });
});
