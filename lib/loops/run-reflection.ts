import { db as defaultDb, Prisma, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { enqueue } from "../jobs/enqueue";
import { getLoopConfig } from "./config";
import { extractTopics, type Topic } from "./topics";
import { WORKER_ACTOR } from "../audit/actors";

type Message = { id: number; userId: number; content: string; createdAt: Date };

/**
 * One reflection cycle: reads only the user messages written since the last cycle (one batch),
 * finds recurring topics overall and per user, and writes a reflection for each — plus a
 * learning job, in the same transaction, with a fixed number of statements however many
 * users spoke. Writes nothing when nothing new was said. Safe to
 * run twice at once: the cursor only moves forward by compare-and-set, the loser writes nothing.
 *
 * Reading by id assumes messages commit in id order. Chat writes each turn in a
 * writeTransaction, and those are serialised on the audit head, so ids are handed out in
 * commit order; a writer that inserts messages outside one could have one skipped.
 */
export async function runReflection(o: { db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const { settings } = await getLoopConfig({ db, name: "reflection" });
  const state = await db.loopState.upsert({ where: { name: "reflection" }, create: { name: "reflection" }, update: {} });
  const cursor = Number(state.cursor ?? 0);
  const messages: Message[] = await db.chatMessage.findMany({
    where: { id: { gt: cursor }, role: "user" },
    orderBy: { id: "asc" },
    take: settings.batch_size,
    select: { id: true, userId: true, content: true, createdAt: true },
  });
  if (messages.length === 0) return { written: 0, messageCount: 0, reflectionIds: [] as number[] };

  const topicOptions = { minCount: settings.min_count, maxTopics: settings.max_topics };
  // Grouped in one pass, each message pushed once (no copy of a user's list per message).
  const byUser = new Map<number, Message[]>();
  for (const m of messages) {
    const own = byUser.get(m.userId);
    if (own) own.push(m);
    else byUser.set(m.userId, [m]);
  }
  const drafts = [
    draft(null, messages, extractTopics(messages.map((m) => m.content), topicOptions), byUser.size),
    ...[...byUser].map(([userId, own]) => draft(userId, own, extractTopics(own.map((m) => m.content), topicOptions), 1)),
  ];
  const lastId = messages[messages.length - 1].id;

  return writeTransaction(async (tx) => {
    const moved = await tx.loopState.updateMany({ where: { name: "reflection", cursor: state.cursor }, data: { cursor: String(lastId) } });
    if (moved.count !== 1) return { written: 0, messageCount: 0, reflectionIds: [] as number[] }; // another run took this batch
    // Every reflection (overall and one per user) in one statement, whatever the number of users.
    const rows = await tx.reflection.createManyAndReturn({
      data: drafts.map((d) => ({ ...d, topics: d.topics as unknown as Prisma.InputJsonValue })),
      select: { id: true, userId: true },
    });
    const idOf = new Map(rows.map((r) => [r.userId, r.id]));
    const ids = drafts.map((d) => idOf.get(d.userId)!);
    await append({
      tx,
      actor: WORKER_ACTOR,
      action: "reflection.create",
      resource: `reflection:${ids[0]}`,
      subsystem: "loops",
      payload: { reflection_ids: ids, message_count: messages.length, first_message_id: messages[0].id, last_message_id: lastId },
      result: "success",
    });
    await enqueue({ tx, kind: "learning", payload: { reflection_id: ids[0] }, idempotencyKey: `learning:after-reflection:${ids[0]}`, description: "learn from the latest reflection" });
    return { written: ids.length, messageCount: messages.length, reflectionIds: ids };
  }, db);
}

function draft(userId: number | null, messages: Message[], topics: Topic[], users: number) {
  const n = messages.length;
  const windowStart = messages[0].createdAt;
  const windowEnd = messages[messages.length - 1].createdAt;
  const who = userId === null ? `${n} message${n === 1 ? "" : "s"} from ${users} user${users === 1 ? "" : "s"}` : `${n} message${n === 1 ? "" : "s"}`;
  const list = topics.slice(0, 5).map((t) => `${t.topic} (${t.count})`).join(", ");
  const summary = topics.length ? `${who}; recurring topics: ${list}.` : `${who}; no topic came up more than once.`;
  const top = topics[0];
  const insight = top
    ? `"${top.topic}" came up in ${top.count} of ${n} messages${topics[1] ? `, ahead of "${topics[1].topic}" (${topics[1].count})` : ""}.`
    : "Nothing recurred: the conversation moved between unrelated subjects.";
  // More messages and a more dominant top topic make the reading more trustworthy:
  // share of messages on the top topic, discounted for small samples, within [0.1, 0.95].
  const share = top ? top.count / n : 0;
  const confidence = Math.round(Math.min(0.95, Math.max(0.1, 0.3 + 0.65 * share * Math.min(1, n / 10))) * 100) / 100;
  return { userId, summary, insight, confidence, windowStart, windowEnd, messageCount: n, topics: { topics } };
}
