import { describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as history from "../../app/api/memory/history/route";
import * as stats from "../../app/api/memory/stats/route";
import * as conversations from "../../app/api/chat/conversations/route";
import * as conversation from "../../app/api/chat/conversations/[id]/route";
import * as messages from "../../app/api/chat/conversations/[id]/messages/route";
import * as goals from "../../app/api/goals/route";
import * as goal from "../../app/api/goals/[id]/route";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";

async function know(user: { id: number; username: string }, title: string, content: string, trustScore = 75) {
  const input = ingestTextSchema.parse({ title, content });
  return (await ingestContent({ user, input, source: "manual", trustScore })).artifact;
}

describe("chat with the built-in engine", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const a = await tokenFor(alice);
  const b = await tokenFor(bob);
  const ask = (token: string, message: string, conversation_id?: number) => call(chat.POST, { bearer: token, body: { message, conversation_id } });

  it("answers small talk by whole words only", async () => {
    const hi = await ask(a, "Hi!");
    expect(hi.status).toBe(200);
    expect(hi.json).toMatchObject({ grounded: false, citations: [] });
    expect(hi.json.response).toMatch(/^Hello/);
    const notHi = await ask(a, "this is something");
    expect(notHi.json.response).not.toMatch(/^Hello/);
  });

  it("cites the artifact that holds the fact, with every [n] matching citations[n-1]", async () => {
    const mars = await know(alice, "Mars facts", "Mars has two small moons named Phobos and Deimos. Its day lasts about 24.6 hours.");
    await know(alice, "Venus facts", "Venus rotates backwards and has no moons at all. A day on Venus is longer than its year.");
    const res = await ask(b, "What are the moons of Mars called?");
    expect(res.json.grounded).toBe(true);
    expect(res.json.citations[0]).toMatchObject({ n: 1, artifact_id: mars.id, title: "Mars facts", trust_score: 75 });
    expect(res.json.response).toContain("Phobos and Deimos");
    const numbers = [...res.json.response.matchAll(/\[(\d+)\]/g)].map((m: RegExpMatchArray) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(0);
    for (const n of numbers) expect(res.json.citations[n - 1].n).toBe(n);
  });

  it("in a five-sentence artifact, cites the sentence that holds the fact", async () => {
    await know(alice, "Lake Baikal", [
      "Lake Baikal lies in southern Siberia.",
      "It is the deepest lake in the world at 1642 metres.",
      "The lake holds about a fifth of the world's unfrozen fresh water.",
      "Baikal seals live nowhere else.",
      "The Trans-Siberian Railway runs along its southern shore.",
    ].join(" "));
    const res = await ask(a, "How deep is Lake Baikal in metres?");
    expect(res.json.citations[0].snippet).toBe("It is the deepest lake in the world at 1642 metres.");
    expect(res.json.response.startsWith("It is the deepest lake in the world at 1642 metres. [1]")).toBe(true);
  });

  it("cites the more trusted of two sources with the same fact first", async () => {
    const low = await know(alice, "Forum post", "The Zorblax comet returns every 76 years, according to a forum.", 50);
    const high = await know(alice, "Observatory bulletin", "The Zorblax comet returns every 76 years, the observatory confirms.", 90);
    const res = await ask(a, "How often does the Zorblax comet return?");
    expect(res.json.citations[0].artifact_id).toBe(high.id);
    expect(res.json.citations.map((c: { artifact_id: number }) => c.artifact_id)).toContain(low.id);
  });

  it("says when the best source is low-trust", async () => {
    await know(alice, "Rumour", "The colour of the Quibbleton bridge is purple since last spring.", 45);
    const res = await ask(a, "What colour is the Quibbleton bridge?");
    expect(res.json.response).toContain("trust score of only 45");
  });

  it("admits not knowing and notes exactly one research goal, even when asked again", async () => {
    const first = await ask(a, "What is the airspeed of an unladen swallow?");
    expect(first.json).toMatchObject({ grounded: false, citations: [] });
    expect(first.json.response).toMatch(/^I don't know that yet/);
    await ask(a, "what is the airspeed of an unladen swallow");
    const research = await db.goal.findMany({ where: { userId: alice.id, goalText: { startsWith: "Research: what is the airspeed" } } });
    expect(research).toHaveLength(1);
  });

  it("stores each turn whole: two messages, citations, a causal event and an audit entry", async () => {
    const before = { messages: await db.chatMessage.count(), causal: await db.causalEvent.count(), audit: await db.logEntry.count({ where: { action: "chat.message" } }) };
    const res = await ask(a, "Tell me about Phobos and Deimos");
    const answer = await db.chatMessage.findUniqueOrThrow({ where: { id: res.json.message_id }, include: { citations: true } });
    expect(answer.role).toBe("grace");
    expect(answer.citations.length).toBe(res.json.citations.length);
    expect(await db.chatMessage.count()).toBe(before.messages + 2);
    const event = await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: answer.id } });
    expect(event).toMatchObject({ eventType: "question", outcome: "answered", userId: alice.id });
    expect(await db.causalEvent.count()).toBe(before.causal + 1);
    expect(await db.logEntry.count({ where: { action: "chat.message" } })).toBe(before.audit + 1);
  });

  it("continues a conversation, keeps it private, and answers questions about the history", async () => {
    const start = await ask(a, "What are the moons of Mars called?");
    const next = await ask(a, "what did we talk about?", start.json.conversation_id);
    expect(next.json.conversation_id).toBe(start.json.conversation_id);
    expect(next.json.response).toMatch(/You've sent me \d+ messages before this one/);
    const theirs = await ask(b, "hello", start.json.conversation_id);
    expect(theirs.status).toBe(404);
    const list = await call(conversations.GET, { bearer: b });
    expect(list.json.items.map((c: { id: number }) => c.id)).not.toContain(start.json.conversation_id);
    const msgs = await call(messages.GET, { bearer: a, params: { id: String(start.json.conversation_id) } });
    expect(msgs.json.items.map((m: { role: string }) => m.role)).toEqual(["user", "grace", "user", "grace"]);
    expect(msgs.json.items[1].citations[0]).toMatchObject({ n: 1, title: "Mars facts" });
    expect((await call(messages.GET, { bearer: b, params: { id: String(start.json.conversation_id) } })).status).toBe(404);

    const renamed = await call(conversation.PATCH, { bearer: a, method: "PATCH", params: { id: String(start.json.conversation_id) }, body: { title: "Mars" } });
    expect(renamed.json.title).toBe("Mars");
    expect((await call(conversation.DELETE, { bearer: a, method: "DELETE", params: { id: String(start.json.conversation_id) } })).status).toBe(204);
    expect(await db.chatMessage.count({ where: { conversationId: start.json.conversation_id } })).toBe(0);
  });

  it("keeps the memory history and stats endpoints", async () => {
    const h = await call(history.GET, { bearer: b, path: "/api/memory/history?limit=2&offset=0" });
    expect(Array.isArray(h.json)).toBe(true);
    expect(h.json[0]).toEqual({ id: expect.any(Number), role: "user", content: expect.any(String), created_at: expect.any(String), conversation_id: expect.any(Number) });
    expect(h.json[0].id).toBeLessThan(h.json[1].id);
    const s = await call(stats.GET, { bearer: b });
    expect(s.json).toMatchObject({ total_messages: expect.any(Number), user_messages: expect.any(Number), grace_messages: expect.any(Number) });
    expect(s.json.total_messages).toBe(s.json.user_messages + s.json.grace_messages);
  });

  it("refuses an empty or over-long message with 422 and writes nothing", async () => {
    const before = await db.chatMessage.count();
    expect((await ask(a, "   ")).json.error.fields[0].field).toBe("body.message");
    const long = await ask(a, "x".repeat(9000));
    expect(long.status).toBe(422);
    expect(long.json.error.fields[0]).toEqual({ field: "body.message", message: "must be at most 8000 characters" });
    expect(await db.chatMessage.count()).toBe(before);
  });

  it("manages goals", async () => {
    const created = await call(goals.POST, { bearer: b, body: { goal_text: "Learn Rust", target_date: "2027-01-31" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ goal_text: "Learn Rust", status: "active", target_date: "2027-01-31T00:00:00.000Z" });
    const done = await call(goal.PATCH, { bearer: b, method: "PATCH", params: { id: String(created.json.id) }, body: { status: "completed" } });
    expect(done.json.completed_at).not.toBeNull();
    expect((await call(goal.PATCH, { bearer: a, method: "PATCH", params: { id: String(created.json.id) }, body: { status: "abandoned" } })).status).toBe(404);
    expect((await call(goals.GET, { bearer: b })).json[0].id).toBe(created.json.id);
  });
});
