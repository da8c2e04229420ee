import { db as defaultDb, Prisma, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { META_ACTOR } from "../audit/actors";
import { countSince } from "../metrics/request-counter";
import { getLoopConfig, updateLoopConfig, type LoopSettings } from "./config";

const TUNED = ["reflection", "meta", "health"] as const;

export type LoadMeasurements = Awaited<ReturnType<typeof measureLoad>>;

/** What the meta loop looks at: the load on Grace right now. */
export async function measureLoad(o: { db?: Db; now?: Date } = {}) {
  const { db = defaultDb, now = new Date() } = o;
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [requestsPerMinute, messagesPerMinute, queueDepth, started, loops] = await Promise.all([
    countSince({ name: "http_requests", ms: 60_000, db, now: now.getTime() }),
    db.chatMessage.count({ where: { createdAt: { gt: minuteAgo } } }),
    db.job.count({ where: { status: "queued", runAt: { lte: now } } }),
    db.job.findMany({ where: { startedAt: { gt: new Date(now.getTime() - 300_000) } }, select: { createdAt: true, startedAt: true }, take: 1000, orderBy: { startedAt: "desc" } }),
    db.loopState.findMany({ select: { name: true, lastDurationMs: true } }),
  ]);
  const latencies = started.map((j) => j.startedAt!.getTime() - j.createdAt.getTime());
  return {
    requests_per_minute: requestsPerMinute,
    messages_per_minute: messagesPerMinute,
    queue_depth: queueDepth,
    job_latency_ms: latencies.length ? Math.round(latencies.reduce((a, b) => a + b, 0) / latencies.length) : null,
    /** How many job starts the latency is the mean of. */
    job_latency_sample: latencies.length,
    loop_duration_ms: Object.fromEntries(loops.map((l) => [l.name, l.lastDurationMs])) as Record<string, number | null>,
  };
}

type Reading = { measure: "requests_per_minute" | "messages_per_minute" | "queue_depth"; value: number; threshold: number; margin: number };

/**
 * Which band the load is in, and how clear-cut that is. Each measure's margin is its distance
 * from its high-traffic threshold, relative to the threshold (0 at it, −1 at no load, +1 at
 * twice it). The band is high when any measure reaches its threshold. The confidence is the
 * deciding measure's distance from its threshold, capped at 1: in the high band the measure
 * furthest above it, in the low band the one closest under it. A reading at a threshold is 0;
 * an idle system, or one at twice a threshold, is 1.
 */
export function classifyLoad(m: Pick<LoadMeasurements, Reading["measure"]>, s: LoopSettings<"meta">) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const readings: Reading[] = (
    [
      ["requests_per_minute", s.high_requests_per_minute],
      ["messages_per_minute", s.high_messages_per_minute],
      ["queue_depth", s.high_queue_depth],
    ] as const
  ).map(([measure, threshold]) => ({ measure, value: m[measure], threshold, margin: round((m[measure] - threshold) / threshold) }));
  const above = readings.filter((r) => r.value >= r.threshold);
  const band: "high" | "low" = above.length ? "high" : "low";
  const deciding = (band === "high" ? above : readings).reduce((a, b) => (b.margin > a.margin ? b : a));
  return { band, above, readings, deciding, confidence: Math.round(Math.min(1, Math.abs(deciding.margin)) * 100) / 100 };
}

/**
 * One meta cycle: measures the load, picks the low- or high-traffic band, moves the loop
 * intervals into it (audited, as "meta-loop") and records an analysis of what it saw, what it
 * changed and why — every cycle, changed or not. When an earlier cycle changed the intervals,
 * this one first measures what that change did (a MetaEvaluation per metric it can compare).
 */
export async function runMeta(o: { db?: Db; now?: Date } = {}) {
  const db = o.db ?? defaultDb;
  const { settings } = await getLoopConfig({ db, name: "meta" });
  const at = o.now ?? new Date();
  const m = await measureLoad({ db, now: at });
  const { band, above, readings, deciding, confidence } = classifyLoad(m, settings);
  const reasons = above.map((r) => `${r.value} ${LABELS[r.measure]} ≥ ${r.threshold}`);
  const target = settings[band];

  return writeTransaction(async (tx) => {
    const evaluations = await evaluatePendingChange(tx, m, at);
    const changes: { loop: string; from: number; to: number }[] = [];
    for (const name of TUNED) {
      const current = await tx.loopConfig.findUniqueOrThrow({ where: { name } });
      if (current.intervalSeconds !== target[name]) {
        changes.push({ loop: name, from: current.intervalSeconds, to: target[name] });
        await updateLoopConfig({ tx, actor: META_ACTOR, patch: { name, interval_seconds: target[name] }, reason: `${band} traffic` });
      }
    }
    const why = band === "high" ? `high traffic: ${reasons.join("; ")}` : "low traffic: every measure is under its high-traffic threshold";
    const findings = `${m.requests_per_minute} requests/min, ${m.messages_per_minute} messages/min, ${m.queue_depth} queued jobs, job start latency ${m.job_latency_ms ?? "n/a"} ms — ${why}.`;
    const recommendation = changes.length
      ? `Moved to the ${band}-traffic band: ${changes.map((c) => `${c.loop} ${c.from}s → ${c.to}s`).join(", ")}.`
      : `Intervals already in the ${band}-traffic band; no change.`;
    const analysis = await tx.metaAnalysis.create({
      data: {
        analysisType: "load",
        subject: "loop intervals",
        findings,
        recommendation,
        measurements: { ...m, readings } as unknown as Prisma.InputJsonValue,
        changes: { band, changes, decided_by: deciding } as unknown as Prisma.InputJsonValue,
        confidence,
        applied: changes.length > 0,
        createdAt: at, // when it was measured
      },
    });
    // The next cycle measures what this change did.
    if (changes.length) await tx.loopState.upsert({ where: { name: "meta" }, create: { name: "meta", cursor: String(analysis.id) }, update: { cursor: String(analysis.id) } });
    return { band, changes, analysis, evaluations };
  }, db);
}

const LABELS: Record<Reading["measure"], string> = { requests_per_minute: "requests/min", messages_per_minute: "messages/min", queue_depth: "queued jobs" };

/**
 * The change an earlier cycle made (its analysis id is the meta loop's cursor): each metric it
 * measured then and can measure now — queue depth, job start latency, each loop's last
 * duration — becomes a MetaEvaluation with both values. All of them are better lower, so the
 * improvement is before − after in the metric's unit (positive: better). The load is given
 * beside them: a change in traffic moves these numbers too, and the conclusion says so.
 */
async function evaluatePendingChange(tx: Tx, now: LoadMeasurements, at: Date) {
  const state = await tx.loopState.findUnique({ where: { name: "meta" }, select: { cursor: true } });
  const analysisId = Number(state?.cursor);
  if (!state?.cursor || !Number.isSafeInteger(analysisId)) return [];
  // Taken either way: a change is evaluated once (two cycles at once serialise on the audit head).
  await tx.loopState.update({ where: { name: "meta" }, data: { cursor: null } });
  const change = await tx.metaAnalysis.findUnique({ where: { id: analysisId } });
  if (!change) return []; // swept by retention
  const before = change.measurements as unknown as LoadMeasurements | null;
  const moved = change.changes as unknown as { band?: string; changes?: { loop: string; from: number; to: number }[] } | null;
  if (!before) return [];
  const pairs: { metric: string; unit: string; before: number | null | undefined; after: number | null }[] = [
    { metric: "queue_depth", unit: " jobs", before: before.queue_depth, after: now.queue_depth },
    { metric: "job_latency_ms", unit: " ms", before: before.job_latency_ms, after: now.job_latency_ms },
    ...Object.entries(now.loop_duration_ms).map(([loop, after]) => ({ metric: `loop_duration_ms.${loop}`, unit: " ms", before: before.loop_duration_ms?.[loop], after })),
  ];
  const minutes = Math.max(0, Math.round((at.getTime() - change.createdAt.getTime()) / 60_000));
  const what = moved?.changes?.length ? moved.changes.map((c) => `${c.loop} ${c.from}s → ${c.to}s`).join(", ") : "the change";
  const load = `requests/min ${before.requests_per_minute} → ${now.requests_per_minute}, messages/min ${before.messages_per_minute} → ${now.messages_per_minute}`;
  const rows = pairs
    .filter((p): p is typeof p & { before: number; after: number } => typeof p.before === "number" && typeof p.after === "number")
    .map((p) => {
      const improvement = p.before - p.after;
      const verb = improvement > 0 ? "fell" : improvement < 0 ? "rose" : "stayed";
      const percent = p.before > 0 && improvement !== 0 ? ` (${improvement > 0 ? "−" : "+"}${Math.round((Math.abs(improvement) / p.before) * 100)}%)` : "";
      const values = improvement === 0 ? `at ${p.after}${p.unit}` : `from ${p.before}${p.unit} to ${p.after}${p.unit}${percent}`;
      return {
        analysisId,
        metric: p.metric,
        before: p.before,
        after: p.after,
        improvement,
        conclusion: `${p.metric} ${verb} ${values} in the ${minutes} min after moving to the ${moved?.band ?? "new"}-traffic band (${what}); the load changed too: ${load}.`,
      };
    });
  if (!rows.length) return [];
  return tx.metaEvaluation.createManyAndReturn({ data: rows });
}
