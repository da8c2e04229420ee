import { db as defaultDb, Prisma, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { countSince } from "../metrics/request-counter";
import { getLoopConfig, updateLoopConfig } from "./config";

const TUNED = ["reflection", "meta", "health"] as const;

/** What the meta loop looks at: the load on Grace right now. */
export async function measureLoad(db: Db = defaultDb, now = new Date()) {
  const minuteAgo = new Date(now.getTime() - 60_000);
  const [requestsPerMinute, messagesPerMinute, queueDepth, started, loops] = await Promise.all([
    countSince("http_requests", 60_000, db, now.getTime()),
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
    loop_duration_ms: Object.fromEntries(loops.map((l) => [l.name, l.lastDurationMs])),
  };
}

/**
 * One meta cycle: measures the load, picks the low- or high-traffic band, moves the loop
 * intervals into it (audited, as "meta-loop") and records an analysis of what it saw, what it
 * changed and why — every cycle, changed or not.
 */
export async function runMeta(o: { db?: Db; now?: Date } = {}) {
  const db = o.db ?? defaultDb;
  const { settings } = await getLoopConfig(db, "meta");
  const m = await measureLoad(db, o.now);
  const reasons: string[] = [];
  if (m.requests_per_minute >= settings.high_requests_per_minute) reasons.push(`${m.requests_per_minute} requests/min ≥ ${settings.high_requests_per_minute}`);
  if (m.messages_per_minute >= settings.high_messages_per_minute) reasons.push(`${m.messages_per_minute} messages/min ≥ ${settings.high_messages_per_minute}`);
  if (m.queue_depth >= settings.high_queue_depth) reasons.push(`${m.queue_depth} queued jobs ≥ ${settings.high_queue_depth}`);
  const band = reasons.length ? "high" : "low";
  const target = settings[band];

  return writeTransaction(async (tx) => {
    const changes: { loop: string; from: number; to: number }[] = [];
    for (const name of TUNED) {
      const current = await tx.loopConfig.findUniqueOrThrow({ where: { name } });
      if (current.intervalSeconds !== target[name]) {
        changes.push({ loop: name, from: current.intervalSeconds, to: target[name] });
        await updateLoopConfig(tx, { actor: "meta-loop", patch: { name, interval_seconds: target[name] }, reason: `${band} traffic` });
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
        measurements: m as unknown as Prisma.InputJsonValue,
        changes: { band, changes } as unknown as Prisma.InputJsonValue,
        // Clear-cut readings (far from the thresholds) deserve more trust than borderline ones.
        confidence: band === "high" ? Math.min(0.95, 0.6 + 0.1 * reasons.length) : 0.8,
        applied: changes.length > 0,
      },
    });
    return { band, changes, analysis };
  }, db);
}
