import { db as defaultDb, type Db, type Tx } from "../db/client";
import { append } from "../audit";
import { tokenize } from "../loops/topics";
import { measureGrounding } from "../chat/grounding";
import type { Citation, Reply } from "../chat/builtin-engine";

export const EVALUATION_WINDOW_MS = 3_600_000;
// Most events one evaluation re-scores (the newest); a busy hour of everyone's chat is more.
const MAX_EVENTS = 10_000;

export type EventScore = { id: number; before: number; after: number; signals: Signals };
type Signals = { grounding: number; delivered: number | null; reaction: number | null };

/**
 * Re-scores causal events of the last hour (one user's, or everyone's when `userId` is
 * undefined) from what is known now, not only from what was known when Grace answered:
 *
 * - grounding: the answer's grounding measured again as chat measures it (lib/chat/grounding.ts:
 *   citation coverage × question terms found in the cited passages × trust), with each cited
 *   source's trust as it stands now — a source whose score was lowered, or that was deleted
 *   (trust 0), weakens every answer that cited it. 0 for a reply that cites nothing;
 * - delivered: 0 when the reader left while the answer streamed (marked interrupted), else 1;
 * - reaction: when the person wrote again in the same conversation, 1 − the word overlap
 *   (Jaccard) of that next message with this question: asking the same thing again says the
 *   answer did not help; moving on says nothing against it. No next message yet: not counted.
 *
 * The confidence is their product. A pure function of the rows, so evaluating twice gives the
 * same scores.
 */
export async function scoreRecentEvents(o: { userId?: number; now?: Date; db?: Db }): Promise<EventScore[]> {
  const db = o.db ?? defaultDb;
  const since = new Date((o.now ?? new Date()).getTime() - EVALUATION_WINDOW_MS);
  // The window's first event by the createdAt index, then the user's events by (userId, id) from it.
  const first = await db.causalEvent.findFirst({ where: { createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!first) return [];
  const events = await db.causalEvent.findMany({
    where: { ...(o.userId !== undefined ? { userId: o.userId } : {}), id: { gte: first.id }, createdAt: { gte: since } },
    orderBy: { id: "desc" },
    take: MAX_EVENTS,
    select: { id: true, confidence: true, triggerMessageId: true, responseMessageId: true },
  });
  if (!events.length) return [];

  const messageIds = [...new Set(events.flatMap((e) => [e.triggerMessageId, e.responseMessageId]).filter((id): id is number => id !== null))];
  const responseIds = events.map((e) => e.responseMessageId).filter((id): id is number => id !== null);
  const [messages, citations] = await Promise.all([
    db.chatMessage.findMany({ where: { id: { in: messageIds } }, select: { id: true, content: true, conversationId: true, interrupted: true } }),
    db.messageCitation.findMany({
      where: { messageId: { in: responseIds } },
      select: { messageId: true, ordinal: true, chunkId: true, artifact: { select: { title: true, trustScore: true, deletedAt: true } } },
    }),
  ]);
  const chunkIds = [...new Set(citations.map((c) => c.chunkId).filter((id): id is number => id !== null))];
  const chunks = new Map(chunkIds.length ? (await db.knowledgeChunk.findMany({ where: { id: { in: chunkIds } }, select: { id: true, content: true } })).map((c) => [c.id, c.content]) : []);
  const messageById = new Map(messages.map((m) => [m.id, m]));
  const citedBy = new Map<number, Citation[]>();
  for (const c of citations) {
    const cited = {
      n: c.ordinal,
      title: c.artifact.title,
      snippet: (c.chunkId !== null ? chunks.get(c.chunkId) : undefined) ?? "",
      trust_score: c.artifact.deletedAt ? 0 : c.artifact.trustScore,
    } as Citation;
    const list = citedBy.get(c.messageId);
    if (list) list.push(cited);
    else citedBy.set(c.messageId, [cited]);
  }
  // What each person wrote next in those conversations (by the (conversationId, id) index).
  const conversationIds = [...new Set(messages.map((m) => m.conversationId).filter((id): id is number => id !== null))];
  const firstTrigger = Math.min(...events.map((e) => e.triggerMessageId ?? Number.MAX_SAFE_INTEGER));
  const later = conversationIds.length
    ? await db.chatMessage.findMany({
        where: { conversationId: { in: conversationIds }, role: "user", id: { gt: firstTrigger } },
        orderBy: { id: "asc" },
        select: { id: true, conversationId: true, content: true },
      })
    : [];
  const laterByConversation = new Map<number, { id: number; content: string }[]>();
  for (const m of later) {
    const list = laterByConversation.get(m.conversationId!);
    if (list) list.push(m);
    else laterByConversation.set(m.conversationId!, [m]);
  }

  return events.map((e) => {
    const question = e.triggerMessageId !== null ? messageById.get(e.triggerMessageId) : undefined;
    const answer = e.responseMessageId !== null ? messageById.get(e.responseMessageId) : undefined;
    const next = question?.conversationId != null && answer ? laterByConversation.get(question.conversationId)?.find((m) => m.id > answer.id) : undefined;
    const cited = answer ? (citedBy.get(answer.id) ?? []) : [];
    const signals: Signals = {
      grounding: question && answer ? measureGrounding(question.content, { text: answer.content, citations: cited } as Reply).value : 0,
      delivered: answer ? (answer.interrupted ? 0 : 1) : null,
      reaction: question && next ? 1 - overlap(question.content, next.content) : null,
    };
    const after = Object.values(signals).reduce<number>((p, s) => (s === null ? p : p * Math.max(0, Math.min(1, s))), 1);
    return { id: e.id, before: e.confidence, after: Math.round(after * 1000) / 1000, signals };
  });
}

/** Writes the new scores (one statement per distinct score) and audits the evaluation. */
export async function saveEventScores(o: { tx: Tx; actor: string; userId?: number; scores: EventScore[] }) {
  const { tx } = o;
  const changed = o.scores.filter((s) => s.after !== s.before);
  const byScore = new Map<number, number[]>();
  for (const s of changed) {
    const ids = byScore.get(s.after);
    if (ids) ids.push(s.id);
    else byScore.set(s.after, [s.id]);
  }
  for (const [confidence, ids] of byScore) await tx.causalEvent.updateMany({ where: { id: { in: ids } }, data: { confidence } });
  await append({
    tx,
    actor: o.actor,
    action: "causal.evaluate",
    resource: o.userId === undefined ? "causal:all" : `causal:user:${o.userId}`,
    subsystem: "causal",
    payload: { events_processed: o.scores.length, rescored: changed.length, window_seconds: EVALUATION_WINDOW_MS / 1000 },
    result: "success",
  });
  return { events_processed: o.scores.length, rescored: changed.length };
}

/** Jaccard overlap of two texts' content words (0: nothing in common, 1: the same words). */
function overlap(a: string, b: string): number {
  const x = new Set(tokenize(a));
  const y = new Set(tokenize(b));
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common += 1;
  return common / (x.size + y.size - common);
}
