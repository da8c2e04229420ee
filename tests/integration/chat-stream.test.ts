import { afterAll, describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as stream from "../../app/api/chat/stream/route";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { startFakeLlm } from "../helpers/fake-llm";

type Event = { name: string; data: any; at: number }; // eslint-disable-line @typescript-eslint/no-explicit-any -- event payloads

async function streamChat(token: string, message: string): Promise<Event[]> {
  const res = await stream.POST(
    new Request("http://grace.test/api/chat/stream", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ message }) }),
    { params: Promise.resolve({}) },
  );
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const events: Event[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1] ?? "message";
      const data = JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? "null");
      events.push({ name, data, at: Date.now() });
    }
  }
  return events;
}

describe("streaming and the LLM engine", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const input = ingestTextSchema.parse({ title: "Mars facts", content: "Mars has two small moons named Phobos and Deimos. Its day lasts about 24.6 hours." });
  const mars = (await ingestContent({ user, input, source: "manual", trustScore: 80 })).artifact;
  const fake = await startFakeLlm();
  afterAll(async () => {
    delete process.env.GRACE_LLM_BASE_URL;
    await fake.close();
  });

  it("streams the same text the non-streaming reply gives (built-in engine)", async () => {
    const plain = await call(chat.POST, { bearer: token, body: { message: "What are the moons of Mars called?" } });
    const events = await streamChat(token, "What are the moons of Mars called?");
    const tokens = events.filter((e) => e.name === "token").map((e) => e.data.text);
    expect(tokens.length).toBeGreaterThan(3);
    const done = events.at(-1)!;
    expect(done.name).toBe("done");
    expect(tokens.join("")).toBe(done.data.response);
    expect(done.data.response).toBe(plain.json.response);
    expect(done.data.citations).toEqual(plain.json.citations);
    expect(await db.chatMessage.findUniqueOrThrow({ where: { id: done.data.message_id } })).toMatchObject({ role: "grace", content: plain.json.response });
  });

  it("answers through an OpenAI-compatible endpoint with the sources in the prompt, keeping citations", async () => {
    process.env.GRACE_LLM_BASE_URL = fake.url;
    process.env.GRACE_LLM_MODEL = "fake-model";
    fake.behave({ tokens: ["Its moons ", "are Phobos ", "and Deimos ", "[1]."] });
    const res = await call(chat.POST, { bearer: token, body: { message: "What are the moons of Mars called?" } });
    expect(res.json).toMatchObject({ response: "Its moons are Phobos and Deimos [1].", engine: "llm", fallback: false, grounded: true });
    expect(res.json.citations).toEqual([expect.objectContaining({ n: 1, artifact_id: mars.id, title: "Mars facts", trust_score: 80 })]);
    const sent = fake.lastRequest()!;
    expect(sent.model).toBe("fake-model");
    expect(sent.messages.at(-1)!.content).toContain("[1] Mars facts (trust 80/100)");
    expect(sent.messages.at(-1)!.content).toContain("Phobos and Deimos");
  });

  it("delivers the first token before a slow model has finished", async () => {
    process.env.GRACE_LLM_BASE_URL = fake.url;
    fake.behave({ tokens: ["Phobos", " and", " Deimos", " [1]", "."], delayMs: 200 });
    const events = await streamChat(token, "What are the moons of Mars called?");
    const first = events.find((e) => e.name === "token")!;
    expect(first.at).toBeLessThan(fake.finishedAt()!);
    expect(events.at(-1)!.data.response).toBe("Phobos and Deimos [1].");
  });

  it("falls back to the built-in engine when the model errors or is too slow, and says so", async () => {
    process.env.GRACE_LLM_BASE_URL = fake.url;
    fake.behave({ status: 500 });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const failed = await call(chat.POST, { bearer: token, body: { message: "What are the moons of Mars called?" } });
      expect(failed.json).toMatchObject({ engine: "builtin", fallback: true, grounded: true });
      expect(failed.json.response).toContain("Phobos and Deimos");

      process.env.GRACE_LLM_TIMEOUT_MS = "150";
      fake.behave({ tokens: ["too late"], firstDelayMs: 1000 });
      const slow = await call(chat.POST, { bearer: token, body: { message: "What are the moons of Mars called?" } });
      expect(slow.json).toMatchObject({ engine: "builtin", fallback: true });
    } finally {
      console.warn = warn;
      delete process.env.GRACE_LLM_TIMEOUT_MS;
    }
  });
});
