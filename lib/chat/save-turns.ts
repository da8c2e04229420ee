// Stores chat turns: for each, both messages, their citations, a causal event linking them,
// a research goal when nothing was known, and the audit entry — all in the caller's
// transaction. Several turns take the same handful of statements as one (multi-row inserts,
// one audit append for all), which is what lets the turn writer commit them together.
import type { Tx } from "../db/client";
import { NotFoundError } from "../api/errors";
import { appendMany } from "../audit";
import { ensureResearchGoal } from "../goals/research-goal";
import { recordFindings, type Finding } from "../hunter/scan";
import type { Reply } from "./builtin-engine";

export type TurnToSave = {
  user: { id: number; username: string };
  message: string;
  /** An existing conversation of this user (checked before the reply was made), or a new one. */
  conversationId?: number;
  reply: Reply;
  latencyMs: number;
  /** What the security scanner found in the message, stored with the turn. */
  findings?: Finding[];
};

export type SavedTurn = {
  conversation: { id: number; title: string };
  question: { id: number };
  answer: { id: number };
  reply: Reply;
  goal: Awaited<ReturnType<typeof ensureResearchGoal>> | null;
};

function confidence(reply: Reply): number {
  if (reply.outcome === "answered") return reply.grounded ? Math.min(0.95, 0.5 + (reply.citations[0]?.trust_score ?? 50) / 250) : 0.6;
  return reply.outcome === "small_talk" ? 0.9 : 0.2;
}

/** `turns` must not hold two turns of one conversation (the turn writer ensures it). */
export async function saveTurns(tx: Tx, turns: TurnToSave[]): Promise<SavedTurn[]> {
  const now = new Date();
  const existingIds = turns.flatMap((t) => (t.conversationId ? [t.conversationId] : []));
  const conversations = new Map<number, { id: number; title: string }>();
  if (existingIds.length) {
    const { count } = await tx.conversation.updateMany({ where: { id: { in: existingIds } }, data: { updatedAt: now } });
    if (count !== existingIds.length) throw new NotFoundError("conversation");
    for (const c of await tx.conversation.findMany({ where: { id: { in: existingIds } }, select: { id: true, title: true } })) conversations.set(c.id, c);
  }
  const fresh = turns.filter((t) => !t.conversationId);
  // Ids are handed out in insert order within one statement, so sorted ids line up with rows.
  const created = fresh.length
    ? (await tx.conversation.createManyAndReturn({ data: fresh.map((t) => ({ userId: t.user.id, title: t.message.slice(0, 80) })), select: { id: true, title: true } })).sort((a, b) => a.id - b.id)
    : [];
  const conversationOf = new Map<TurnToSave, { id: number; title: string }>();
  turns.forEach((t) => conversationOf.set(t, t.conversationId ? conversations.get(t.conversationId)! : created[fresh.indexOf(t)]));

  // One conversation per turn in a batch: (conversation, role) names each message.
  const messages = await tx.chatMessage.createManyAndReturn({
    data: turns.flatMap((t) => [
      { userId: t.user.id, conversationId: conversationOf.get(t)!.id, role: "user", content: t.message },
      { userId: t.user.id, conversationId: conversationOf.get(t)!.id, role: "grace", content: t.reply.text, model: t.reply.engine, latencyMs: t.latencyMs },
    ]),
    select: { id: true, conversationId: true, role: true },
  });
  const messageOf = (t: TurnToSave, role: string) => messages.find((m) => m.conversationId === conversationOf.get(t)!.id && m.role === role)!;

  const citations = turns.flatMap((t) =>
    t.reply.citations.map((c) => ({ messageId: messageOf(t, "grace").id, artifactId: c.artifact_id, chunkId: c.chunk_id, ordinal: c.n, score: c.score, trustScore: c.trust_score })),
  );
  if (citations.length) await tx.messageCitation.createMany({ data: citations });
  await tx.causalEvent.createMany({
    data: turns.map((t) => ({ userId: t.user.id, triggerMessageId: messageOf(t, "user").id, responseMessageId: messageOf(t, "grace").id, eventType: t.reply.intent, outcome: t.reply.outcome, confidence: confidence(t.reply) })),
  });

  const saved: SavedTurn[] = [];
  for (const t of turns) {
    const goal = t.reply.outcome === "unhandled" ? await ensureResearchGoal(tx, { user: t.user, question: t.message }) : null;
    if (t.findings?.length) await recordFindings(tx, { findings: t.findings, input: { target: "chat", text: t.message, user: t.user }, resource: `message:${messageOf(t, "user").id}` });
    saved.push({ conversation: conversationOf.get(t)!, question: messageOf(t, "user"), answer: messageOf(t, "grace"), reply: t.reply, goal });
  }
  await appendMany(
    tx,
    saved.map((s, i) => ({
      actor: turns[i].user.username,
      action: "chat.message",
      resource: `conversation:${s.conversation.id}`,
      subsystem: "chat",
      payload: { question_id: s.question.id, answer_id: s.answer.id, intent: s.reply.intent, outcome: s.reply.outcome, citations: s.reply.citations.map((c) => c.artifact_id), engine: s.reply.engine },
      result: "success",
    })),
  );
  return saved;
}
