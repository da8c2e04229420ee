import type { Tx } from "../db/client";
import { append } from "../audit";
import type { SummaryDraft } from "./compose-summary";

/** Stores a composed summary, audited, in the caller's write transaction. */
export async function saveSummary(o: { tx: Tx; actor: string; draft: SummaryDraft }) {
  const { tx } = o;
  const d = o.draft;
  const summary = await tx.summary.create({
    data: { userId: d.userId, period: "daily", periodStart: d.periodStart, periodEnd: d.periodEnd, summaryText: d.summaryText, keyTopics: d.keyTopics, tasksCreated: d.tasksCreated },
  });
  await append({
    tx,
    actor: o.actor,
    action: "summary.create",
    resource: `summary:${summary.id}`,
    subsystem: "summaries",
    payload: { scope: d.userId === null ? "overall" : "user", user_id: d.userId, period_start: d.periodStart.toISOString(), period_end: d.periodEnd.toISOString(), ...d.counts },
    result: "success",
  });
  return summary;
}
