import { db as defaultDb, type Db } from "../db/client";

/** Patterns in the most recent causal events (chat writes one per answer). */
export async function getCausalPatterns(o: { userId?: number; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const events = await db.causalEvent.findMany({
    where: o.userId !== undefined ? { userId: o.userId } : {},
    orderBy: { id: "desc" },
    take: o.limit,
    select: { eventType: true, outcome: true },
  });
  const eventTypes: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  for (const e of events) {
    eventTypes[e.eventType] = (eventTypes[e.eventType] ?? 0) + 1;
    outcomes[e.outcome] = (outcomes[e.outcome] ?? 0) + 1;
  }
  const mostCommon = Object.entries(eventTypes).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const unhandled = outcomes.unhandled ?? 0;
  return {
    total_interactions: events.length,
    event_types: eventTypes,
    outcomes,
    unhandled_rate: events.length ? Math.round((unhandled / events.length) * 10_000) / 100 : 0,
    most_common_event: mostCommon,
  };
}

/** Average confidence of the most recent causal events, overall and per event type. */
export async function getConfidence(o: { userId?: number; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const events = await db.causalEvent.findMany({
    where: o.userId !== undefined ? { userId: o.userId } : {},
    orderBy: { id: "desc" },
    take: o.limit,
    select: { eventType: true, confidence: true },
  });
  const byType: Record<string, { sum: number; n: number }> = {};
  let sum = 0;
  for (const e of events) {
    sum += e.confidence;
    const t = (byType[e.eventType] ??= { sum: 0, n: 0 });
    t.sum += e.confidence;
    t.n += 1;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    overall: events.length ? round(sum / events.length) : null,
    by_type: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, round(v.sum / v.n)])),
    sample_size: events.length,
  };
}
