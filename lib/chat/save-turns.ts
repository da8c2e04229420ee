// Stores chat turns: for each, both messages (the answer marked interrupted when the reader
// left before it was complete), their citations, a causal event linking them with the answer's
// measured grounding, a research goal for what it could not answer, and the audit entry — all in the
// caller's transaction. Several turns take the same handful of statements as one (multi-row
// inserts, one audit append for all), which is what lets the turn writer commit them together.
import { safeCut } from "../text/truncate";
import { Prisma, type Tx } from "../db/client";
import { NotFoundError } from "../errors";
import { appendMany } from "../audit";
import { ensureResearchGoal } from "../goals/research-goal";
import { recordFindings, type Finding } from "../hunter/scan";
import type { Reply } from "./builtin-engine";
import { measureGrounding } from "./grounding";

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

type IdRow = { id: number | bigint };

/**
 * `turns` must not hold two turns of one conversation (the turn writer ensures it). The inserts
 * are raw SQL (the same on SQLite and PostgreSQL): this is the hottest write in Grace, and the
 * query builder's compile-and-interpret step costs several times the statements themselves.
 */
export async function saveTurns(o: { tx: Tx; turns: TurnToSave[] }): Promise<SavedTurn[]> {
  const { tx, turns } = o;
  const now = new Date();
  const existingIds = [...new Set(turns.flatMap((t) => (t.conversationId ? [t.conversationId] : [])))];
  const conversations = new Map<number, { id: number; title: string }>();
  if (existingIds.length) {
    const touched = await tx.$queryRaw<(IdRow & { title: string })[]>`
      UPDATE "Conversation" SET "updatedAt" = ${now} WHERE "id" IN (${Prisma.join(existingIds)}) RETURNING "id", "title"`;
    if (touched.length !== existingIds.length) throw new NotFoundError("conversation");
    for (const c of touched) conversations.set(Number(c.id), { id: Number(c.id), title: c.title });
  }
  const fresh = turns.filter((t) => !t.conversationId);
  // Ids are handed out in insert order within one statement, so sorted ids line up with rows.
  const created = fresh.length
    ? (
        await tx.$queryRaw<(IdRow & { title: string })[]>`
          INSERT INTO "Conversation" ("userId", "title", "createdAt", "updatedAt")
          VALUES ${Prisma.join(fresh.map((t) => Prisma.sql`(${t.user.id}, ${t.message.slice(0, safeCut(t.message, 80))}, ${now}, ${now})`))}
          RETURNING "id", "title"`
      )
        .map((c) => ({ id: Number(c.id), title: c.title }))
        .sort((a, b) => a.id - b.id)
    : [];
  const conversationOf = new Map<TurnToSave, { id: number; title: string }>();
  turns.forEach((t) => conversationOf.set(t, t.conversationId ? conversations.get(t.conversationId)! : created[fresh.indexOf(t)]));

  // One conversation per turn in a batch: (conversation, role) names each message.
  const rows = turns.flatMap((t) => {
    const c = conversationOf.get(t)!.id;
    return [
      Prisma.sql`(${t.user.id}, ${c}, 'user', ${t.message}, NULL, NULL, ${false}, NULL, NULL, ${false}, ${now})`,
      Prisma.sql`(${t.user.id}, ${c}, 'grace', ${t.reply.text}, ${t.reply.engine}, ${t.latencyMs}, ${t.reply.interrupted === true}, ${t.reply.answerStatus}, ${t.reply.grounded}, ${t.reply.fallback === true}, ${now})`,
    ];
  });
  const messages = (
    await tx.$queryRaw<(IdRow & { conversationId: number | bigint; role: string })[]>`
      INSERT INTO "ChatMessage" ("userId", "conversationId", "role", "content", "model", "latencyMs", "interrupted", "answerStatus", "grounded", "fallback", "createdAt")
      VALUES ${Prisma.join(rows)} RETURNING "id", "conversationId", "role"`
  ).map((m) => ({ id: Number(m.id), conversationId: Number(m.conversationId), role: m.role }));
  const messageOf = (t: TurnToSave, role: string) => messages.find((m) => m.conversationId === conversationOf.get(t)!.id && m.role === role)!;

  const citations = turns.flatMap((t) =>
    t.reply.citations.map((c) => Prisma.sql`(${messageOf(t, "grace").id}, ${c.artifact_id}, ${c.chunk_id}, ${c.n}, ${c.score}, ${c.trust_score})`),
  );
  if (citations.length) {
    await tx.$executeRaw`INSERT INTO "MessageCitation" ("messageId", "artifactId", "chunkId", "ordinal", "score", "trustScore") VALUES ${Prisma.join(citations)}`;
  }
  // The event's confidence is the answer's measured grounding (grounding.ts), not a constant.
  const causal = turns.map(
    (t) =>
      Prisma.sql`(${t.user.id}, ${messageOf(t, "user").id}, ${messageOf(t, "grace").id}, ${t.reply.intent}, ${t.reply.interrupted ? "interrupted" : t.reply.outcome}, ${measureGrounding(t.message, t.reply).value}, ${now})`,
  );
  await tx.$executeRaw`INSERT INTO "CausalEvent" ("userId", "triggerMessageId", "responseMessageId", "eventType", "outcome", "confidence", "createdAt") VALUES ${Prisma.join(causal)}`;

  const saved: SavedTurn[] = [];
  for (const t of turns) {
    // An answer the reader left before it was complete says nothing about what Grace knows.
    // A partial answer files its goal for the part it could not answer.
    const goal = t.reply.answerStatus !== "answered" && !t.reply.interrupted ? await ensureResearchGoal({ tx, user: t.user, question: t.reply.unanswered ?? t.message }) : null;
    if (t.findings?.length) await recordFindings({ tx, findings: t.findings, input: { target: "chat", text: t.message, user: t.user }, resource: `message:${messageOf(t, "user").id}` });
    saved.push({ conversation: conversationOf.get(t)!, question: messageOf(t, "user"), answer: messageOf(t, "grace"), reply: t.reply, goal });
  }
  await appendMany({
    tx,
    events: saved.map((s, i) => ({
      actor: turns[i].user.username,
      action: "chat.message",
      resource: `conversation:${s.conversation.id}`,
      subsystem: "chat",
      payload: {
        question_id: s.question.id,
        answer_id: s.answer.id,
        intent: s.reply.intent,
        outcome: s.reply.outcome,
        answer_status: s.reply.answerStatus,
        citations: s.reply.citations.map((c) => c.artifact_id),
        engine: s.reply.engine,
        // The reader left while it streamed: the answer is stored as far as it got.
        ...(s.reply.interrupted ? { interrupted: true } : {}),
      },
      result: "success",
    })),
  });
  return saved;
}
