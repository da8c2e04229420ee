import { describe, expect, it } from "vitest";
import { verifyLog } from "../../lib/audit";
import { sendMessage } from "../../lib/chat/send-message";
import { writeTurn } from "../../lib/chat/turn-writer";
import type { Reply } from "../../lib/chat/builtin-engine";
import { createUser, db } from "../helpers/api";

const reply = (text: string): Reply => ({ text, citations: [], grounded: false, intent: "greeting", outcome: "small_talk", answerStatus: "answered", engine: "builtin" });

// Concurrent turns are committed together (lib/chat/turn-writer.ts): each must still come out
// exactly as if written alone.
describe("chat turns written together", async () => {
  const users = await Promise.all(Array.from({ length: 4 }, () => createUser()));

  it("keeps every turn's messages, causal event and audit entry its own", async () => {
    const turns = await Promise.all(Array.from({ length: 24 }, (_, i) => sendMessage({ user: users[i % 4], message: `hello number ${i}` })));
    expect(new Set(turns.map((t) => t.conversation.id)).size).toBe(24);
    for (const [i, t] of turns.entries()) {
      const rows = await db.chatMessage.findMany({ where: { conversationId: t.conversation.id }, orderBy: { id: "asc" } });
      expect(rows.map((r) => [r.role, r.userId])).toEqual([["user", users[i % 4].id], ["grace", users[i % 4].id]]);
      expect(rows[0].content).toBe(`hello number ${i}`);
      // Written with raw SQL: the query builder must read the times back as the same instants.
      expect(Math.abs(rows[0].createdAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect((await db.conversation.findUniqueOrThrow({ where: { id: t.conversation.id } })).updatedAt.getTime()).toBe(rows[0].createdAt.getTime());
      expect([t.question.id, t.answer.id]).toEqual([rows[0].id, rows[1].id]);
      const causal = await db.causalEvent.findFirstOrThrow({ where: { triggerMessageId: t.question.id } });
      expect(causal.responseMessageId).toBe(t.answer.id);
      const audit = await db.logEntry.findFirstOrThrow({ where: { action: "chat.message", resource: `conversation:${t.conversation.id}` } });
      expect(JSON.parse(audit.payload)).toMatchObject({ question_id: t.question.id, answer_id: t.answer.id });
      expect(audit.actor).toBe(users[i % 4].username);
    }
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("writes two turns of one conversation in order, never in the same batch", async () => {
    const first = await sendMessage({ user: users[0], message: "hi" });
    const [a, b] = await Promise.all([
      writeTurn({ turn: { user: users[0], message: "one", conversationId: first.conversation.id, reply: reply("1"), latencyMs: 1 } }),
      writeTurn({ turn: { user: users[0], message: "two", conversationId: first.conversation.id, reply: reply("2"), latencyMs: 1 } }),
    ]);
    expect(a.question.id).toBeLessThan(b.question.id);
    const rows = await db.chatMessage.findMany({ where: { conversationId: first.conversation.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.content)).toEqual(["hi", expect.any(String), "one", "1", "two", "2"]);
  });

  it("a turn that cannot be written fails alone; the others in its batch are stored", async () => {
    const doomed = await sendMessage({ user: users[1], message: "hi" });
    await db.conversation.delete({ where: { id: doomed.conversation.id } });
    const results = await Promise.allSettled([
      writeTurn({ turn: { user: users[2], message: "fine one", reply: reply("ok"), latencyMs: 1 } }),
      writeTurn({ turn: { user: users[1], message: "into the void", conversationId: doomed.conversation.id, reply: reply("x"), latencyMs: 1 } }),
      writeTurn({ turn: { user: users[3], message: "fine two", reply: reply("ok"), latencyMs: 1 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toMatch(/conversation not found/);
    expect(await db.chatMessage.count({ where: { content: { in: ["fine one", "fine two"] } } })).toBe(2);
    expect(await db.chatMessage.count({ where: { content: "into the void" } })).toBe(0);
    expect((await verifyLog({ db })).valid).toBe(true);
  });
});
