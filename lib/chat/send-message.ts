import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { NotFoundError } from "../api/errors";
import { ensureResearchGoal } from "../goals/research-goal";
import type { Reply } from "./builtin-engine";
import { generateReply } from "./generate-reply";

export function maxMessageChars(): number {
  return Number(process.env.GRACE_MAX_MESSAGE_CHARS) || 8000;
}

export const chatBody = z.object({
  message: z
    .string()
    .trim()
    .min(1, "is required")
    .superRefine((m, ctx) => {
      if (m.length > maxMessageChars()) ctx.addIssue({ code: "custom", message: `must be at most ${maxMessageChars()} characters` });
    }),
  conversation_id: z.number().int().positive().optional(),
});

type TurnOptions = { user: { id: number; username: string }; message: string; conversationId?: number; db?: Db };

/**
 * One chat turn, streamed: yields the answer's text as the engine produces it, then stores
 * both messages, their citations, a causal event linking them, a research goal when nothing
 * was known, and the audit entry in one transaction — all of it or none.
 */
export async function* chatTurn(o: TurnOptions) {
  const db = o.db ?? defaultDb;
  if (o.conversationId !== undefined) {
    const owned = await db.conversation.findFirst({ where: { id: o.conversationId, userId: o.user.id }, select: { id: true } });
    if (!owned) throw new NotFoundError("conversation");
  }
  const history = o.conversationId
    ? (await db.chatMessage.findMany({ where: { conversationId: o.conversationId }, orderBy: { id: "desc" }, take: 6, select: { role: true, content: true } })).reverse()
    : [];
  const started = performance.now();
  const reply: Reply = yield* generateReply({ db, userId: o.user.id, message: o.message, history });
  const latencyMs = Math.round(performance.now() - started);
  return saveTurn(db, o, reply, latencyMs);
}

/** The same turn for callers that want the whole answer at once. */
export async function sendMessage(o: TurnOptions) {
  const turn = chatTurn(o);
  for (;;) {
    const step = await turn.next();
    if (step.done) return step.value;
  }
}

async function saveTurn(db: Db, o: TurnOptions, reply: Reply, latencyMs: number) {
  return writeTransaction(async (tx) => {
    const conversation = o.conversationId
      ? await tx.conversation.update({ where: { id: o.conversationId }, data: { updatedAt: new Date() } })
      : await tx.conversation.create({ data: { userId: o.user.id, title: o.message.slice(0, 80) } });
    // Both messages in one statement; ids are handed out in insert order, so the lower is the question.
    const [question, answer] = (await tx.chatMessage.createManyAndReturn({
      data: [
        { userId: o.user.id, conversationId: conversation.id, role: "user", content: o.message },
        { userId: o.user.id, conversationId: conversation.id, role: "grace", content: reply.text, model: reply.engine, latencyMs },
      ],
      select: { id: true },
    })).sort((x, y) => x.id - y.id);
    if (reply.citations.length) {
      await tx.messageCitation.createMany({
        data: reply.citations.map((c) => ({ messageId: answer.id, artifactId: c.artifact_id, chunkId: c.chunk_id, ordinal: c.n, score: c.score, trustScore: c.trust_score })),
      });
    }
    await tx.causalEvent.create({
      data: {
        userId: o.user.id,
        triggerMessageId: question.id,
        responseMessageId: answer.id,
        eventType: reply.intent,
        outcome: reply.outcome,
        confidence: reply.outcome === "answered" ? (reply.grounded ? Math.min(0.95, 0.5 + (reply.citations[0]?.trust_score ?? 50) / 250) : 0.6) : reply.outcome === "small_talk" ? 0.9 : 0.2,
      },
    });
    const goal = reply.outcome === "unhandled" ? await ensureResearchGoal(tx, { user: o.user, question: o.message }) : null;
    await append(tx, {
      actor: o.user.username,
      action: "chat.message",
      resource: `conversation:${conversation.id}`,
      subsystem: "chat",
      payload: { question_id: question.id, answer_id: answer.id, intent: reply.intent, outcome: reply.outcome, citations: reply.citations.map((c) => c.artifact_id), engine: reply.engine },
      result: "success",
    });
    return { conversation, question, answer, reply, goal };
  }, db);
}
