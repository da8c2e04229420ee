// The meta loop reports only what it measured: its confidence is the deciding measure's
// distance from its threshold (named beside it), and after it changes the loop intervals the
// next cycle measures what the change did — a MetaEvaluation per metric, listed by
// GET /api/meta/evaluations.
import { describe, expect, it } from "vitest";
import * as analysesRoute from "../../app/api/meta/analyses/route";
import * as evaluationsRoute from "../../app/api/meta/evaluations/route";
import { writeTransaction } from "../../lib/db/transaction";
import { updateLoopConfig, loopSettings } from "../../lib/loops/config";
import { recordLoopDuration } from "../../lib/loops/lease";
import { classifyLoad, runMeta } from "../../lib/loops/run-meta";
import { countRequest, flushRequestCounts } from "../../lib/metrics/request-counter";
import { call, createUser, db, tokenFor } from "../helpers/api";

const settings = loopSettings.meta.parse({ high_requests_per_minute: 100, high_messages_per_minute: 100, high_queue_depth: 1000 });

describe("the meta loop's confidence", () => {
  it("is how far the deciding measure is from its threshold: 1 when idle, 0 at a threshold, 1 at twice it", () => {
    expect(classifyLoad({ requests_per_minute: 0, messages_per_minute: 0, queue_depth: 0 }, settings)).toMatchObject({ band: "low", confidence: 1 });
    const near = classifyLoad({ requests_per_minute: 80, messages_per_minute: 10, queue_depth: 0 }, settings);
    expect(near).toMatchObject({ band: "low", confidence: 0.2, deciding: { measure: "requests_per_minute", value: 80, threshold: 100, margin: -0.2 } });
    expect(classifyLoad({ requests_per_minute: 100, messages_per_minute: 0, queue_depth: 0 }, settings)).toMatchObject({ band: "high", confidence: 0 });
    const busy = classifyLoad({ requests_per_minute: 150, messages_per_minute: 300, queue_depth: 0 }, settings);
    expect(busy).toMatchObject({ band: "high", confidence: 1, deciding: { measure: "messages_per_minute", margin: 2 } });
  });

  it("is what the analysis stores and the API reports, with the reading it came from", async () => {
    const user = await createUser();
    await writeTransaction((tx) => updateLoopConfig({ tx, actor: "test", patch: { name: "meta", settings: { high_requests_per_minute: 100, high_messages_per_minute: 100, high_queue_depth: 1000 } } }));
    const at = Date.now();
    for (let i = 0; i < 80; i++) countRequest("http_requests", 1, at);
    await flushRequestCounts();
    const { analysis } = await runMeta({ now: new Date(at) });
    expect(analysis.confidence).toBe(0.2); // 80 requests/min, 20% under the threshold of 100
    const [listed] = (await call(analysesRoute.GET, { bearer: await tokenFor(user) })).json;
    expect(listed).toMatchObject({ id: analysis.id, confidence: 0.2, confidence_basis: { measure: "requests_per_minute", value: 80, threshold: 100, margin: -0.2 } });
    await db.metricBucket.deleteMany({ where: { name: "http_requests" } });
  });
});

describe("the meta loop's evaluations", async () => {
  const user = await createUser();
  const token = await tokenFor(user);

  it("measure, at the next cycle, what a change of the intervals did — and nothing when nothing changed", async () => {
    await writeTransaction((tx) => updateLoopConfig({ tx, actor: "test", patch: { name: "meta", settings: { high_requests_per_minute: 100, high_messages_per_minute: 100, high_queue_depth: 1000 } } }));
    const start = Date.now() + 3_600_000; // past the other describe's counters
    const calm = await runMeta({ now: new Date(start) });
    expect(calm.changes).toEqual([]); // already in the low band: nothing to evaluate later
    expect((await runMeta({ now: new Date(start + 1000) })).evaluations).toEqual([]);

    // Busy: 150 requests a minute, five jobs waiting, the reflection loop slow.
    for (let i = 0; i < 150; i++) countRequest("http_requests", 1, start + 2000);
    await flushRequestCounts();
    const waiting = await Promise.all(Array.from({ length: 5 }, () => db.job.create({ data: { kind: "steps", runAt: new Date(start - 1000) } })));
    await recordLoopDuration({ name: "reflection", durationMs: 500 });
    const busy = await runMeta({ now: new Date(start + 2000) });
    expect(busy.band).toBe("high");
    expect(busy.changes).toHaveLength(3);

    // At the next cycle the queue is shorter and the reflection cycle faster.
    await db.job.deleteMany({ where: { id: { in: waiting.slice(0, 3).map((j) => j.id) } } });
    await recordLoopDuration({ name: "reflection", durationMs: 200 });
    const next = await runMeta({ now: new Date(start + 2000 + 5 * 60_000) });
    const byMetric = Object.fromEntries(next.evaluations.map((e) => [e.metric, e]));
    expect(Object.keys(byMetric).sort()).toEqual(["loop_duration_ms.reflection", "queue_depth"]); // no latency was measured, before or after
    expect(byMetric.queue_depth).toMatchObject({ analysisId: busy.analysis.id, before: 5, after: 2, improvement: 3 });
    expect(byMetric.queue_depth.conclusion).toContain("queue_depth fell from 5 jobs to 2 jobs (−60%) in the 5 min after moving to the high-traffic band");
    expect(byMetric.queue_depth.conclusion).toContain("requests/min 150 → 0");
    expect(byMetric["loop_duration_ms.reflection"]).toMatchObject({ before: 500, after: 200, improvement: 300 });
    // That cycle moved back to the low band: the one after evaluates that change, once.
    expect(next.band).toBe("low");
    const after = await runMeta({ now: new Date(start + 2000 + 10 * 60_000) });
    expect(after.evaluations.map((e) => [e.metric, e.analysisId, e.improvement])).toEqual([
      ["queue_depth", next.analysis.id, 0],
      ["loop_duration_ms.reflection", next.analysis.id, 0],
    ]);
    expect(after.evaluations[0].conclusion).toContain("queue_depth stayed at 2 jobs");
    expect((await runMeta({ now: new Date(start + 2000 + 15 * 60_000) })).evaluations).toEqual([]);
  });

  it("are listed newest first as the earlier API's bare array, paginated", async () => {
    const all = await call(evaluationsRoute.GET, { bearer: token, path: "/api/meta/evaluations" });
    expect(all.status).toBe(200);
    expect(all.json).toHaveLength(4);
    expect(all.json[0]).toEqual({
      id: expect.any(Number),
      metric: "loop_duration_ms.reflection",
      before: 200,
      after: 200,
      improvement: 0,
      conclusion: expect.any(String),
      created_at: expect.any(String),
      analysis_id: expect.any(Number),
    });
    expect(all.json.map((e: { id: number }) => e.id)).toEqual([...all.json.map((e: { id: number }) => e.id)].sort((a, b) => b - a));
    const first = await call(evaluationsRoute.GET, { bearer: token, path: "/api/meta/evaluations/?limit=3" });
    expect(first.json).toHaveLength(3);
    const cursor = first.headers.get("x-next-cursor");
    const rest = await call(evaluationsRoute.GET, { bearer: token, path: `/api/meta/evaluations?limit=3&cursor=${cursor}` });
    expect(rest.json.map((e: { id: number }) => e.id)).toEqual([all.json[3].id]);
    expect((await call(evaluationsRoute.GET, { path: "/api/meta/evaluations" })).status).toBe(401);
  });
});
