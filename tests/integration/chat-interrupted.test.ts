// A reader who leaves while the answer streams: the model request is stopped (the model's
// server sees its request closed) and the turn is saved as far as it got, marked interrupted.
import { afterAll, describe, expect, it, vi } from "vitest";
import * as stream from "../../app/api/chat/stream/route";
import * as messages from "../../app/api/chat/conversations/[id]/messages/route";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { startFakeLlm } from "../helpers/fake-llm";

type Event = { name: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- event payloads

/** Opens the stream and hands back a reader of its events, one at a time. */
async function openStream(token: string, message: string, signal?: AbortSignal) {
  const res = await stream.POST(
    new Request("http://grace.test/api/chat/stream", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ message }),
      signal,
    }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const next = async (): Promise<Event | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return { name: /^event: (.+)$/m.exec(block)![1], data: JSON.parse(/^data: (.+)$/m.exec(block)![1]) };
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  };
  /** Reads `n` token events and returns their text. */
  const tokens = async (n: number) => {
    const got: string[] = [];
    while (got.length < n) {
      const e = await next();
      expect(e?.name).toBe("token");
      got.push(e!.data.text);
    }
    return got;
  };
  return { reader, tokens };
}

describe("a chat stream the reader leaves", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const input = ingestTextSchema.parse({ title: "Mars facts", content: "Mars has two small moons named Phobos and Deimos. Its day lasts about 24.6 hours." });
  await ingestContent({ user, input, source: "manual", trustScore: 80 });
  const fake = await startFakeLlm();
  process.env.GRACE_LLM_BASE_URL = fake.url;
  process.env.GRACE_LLM_MODEL = "fake-model";
  // Longer than any test: only the reader leaving may stop these answers.
  process.env.GRACE_LLM_TIMEOUT_MS = "600000";
  afterAll(async () => {
    delete process.env.GRACE_LLM_BASE_URL;
    delete process.env.GRACE_LLM_TIMEOUT_MS;
    await fake.close();
  });

  const words = Array.from({ length: 40 }, (_, i) => `word${i} `);
  const latestAnswer = () => db.chatMessage.findFirst({ where: { userId: user.id, role: "grace" }, orderBy: { id: "desc" } });

  it("stops the model request when the request is aborted and saves the answer so far, interrupted", async () => {
    const before = fake.closedEarly();
    const lastBefore = (await latestAnswer())?.id ?? 0;
    // A slow model: one token every 50 ms, 40 of them.
    fake.behave({ tokens: words, delayMs: 50 });
    const abort = new AbortController();
    const { tokens } = await openStream(token, "Tell me about the moons of Mars", abort.signal);
    const read = (await tokens(3)).join("");
    abort.abort(); // what Next does when the client's connection closes

    await vi.waitFor(() => expect(fake.closedEarly()).toBe(before + 1), { timeout: 10_000 });
    const answer = await vi.waitFor(
      async () => {
        const m = await latestAnswer();
        expect(m?.id).toBeGreaterThan(lastBefore);
        return m!;
      },
      { timeout: 10_000 },
    );
    expect(answer.interrupted).toBe(true);
    expect(answer.content.startsWith(read)).toBe(true);
    expect(words.join("").startsWith(answer.content)).toBe(true);
    expect(answer.content.length).toBeLessThan(words.join("").length);
    // The question is kept with it, in the same conversation.
    const question = await db.chatMessage.findFirstOrThrow({ where: { conversationId: answer.conversationId, role: "user" } });
    expect(question.content).toBe("Tell me about the moons of Mars");
  });

  it("saves exactly the tokens streamed so far when the reader cancels the stream, and says so in the audit log and the API", async () => {
    const before = fake.closedEarly();
    const lastBefore = (await latestAnswer())?.id ?? 0;
    // Three tokens, then the model says nothing more until it is hung up on.
    fake.behave({ tokens: ["Phobos ", "and ", "Deimos ", "[1]."], stallAfter: 3 });
    const { reader, tokens } = await openStream(token, "What are the moons of Mars called?");
    expect(await tokens(3)).toEqual(["Phobos ", "and ", "Deimos "]);
    await reader.cancel(); // the response's consumer is gone

    await vi.waitFor(() => expect(fake.closedEarly()).toBe(before + 1), { timeout: 10_000 });
    const answer = await vi.waitFor(
      async () => {
        const m = await latestAnswer();
        expect(m?.id).toBeGreaterThan(lastBefore);
        return m!;
      },
      { timeout: 10_000 },
    );
    expect(answer).toMatchObject({ content: "Phobos and Deimos ", interrupted: true, model: "llm" });

    const audit = await db.logEntry.findFirstOrThrow({ where: { action: "chat.message", resource: `conversation:${answer.conversationId}` } });
    expect(JSON.parse(audit.payload)).toMatchObject({ answer_id: answer.id, interrupted: true });
    const causal = await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: answer.id } });
    expect(causal.outcome).toBe("interrupted");

    const listed = await call(messages.GET, { bearer: token, params: { id: String(answer.conversationId) } });
    expect(listed.json.items.map((m: { role: string; interrupted: boolean }) => [m.role, m.interrupted])).toEqual([
      ["user", false],
      ["grace", true],
    ]);
  });

  it("leaves a finished answer unmarked", async () => {
    fake.behave({ tokens: ["Phobos ", "and ", "Deimos ", "[1]."] });
    const { tokens } = await openStream(token, "What are the moons of Mars called?");
    await tokens(4);
    const answer = await vi.waitFor(async () => {
      const m = await latestAnswer();
      expect(m?.content).toBe("Phobos and Deimos [1].");
      return m!;
    });
    expect(answer.interrupted).toBe(false);
  });
});
