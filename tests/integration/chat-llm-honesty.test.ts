// The LLM path (GRACE_LLM_BASE_URL) is as honest as the built-in engine, whatever the model
// does: a scripted fake model invents a source number, cites nothing, says it does not know (in
// several languages), splits markers across chunks, and answers only part of a question.
// Markers naming no given source never reach the reader or the stored answer; an answer with no
// valid citation is not grounded; "don't know" sets answer_status and files one research goal.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as stream from "../../app/api/chat/stream/route";
import * as messages from "../../app/api/chat/conversations/[id]/messages/route";
import * as goals from "../../app/api/goals/route";
import { researchGoalText } from "../../lib/goals/research-goal";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { startFakeLlm } from "../helpers/fake-llm";

type Event = { name: string; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- event payloads

async function streamChat(token: string, message: string): Promise<Event[]> {
  const res = await stream.POST(
    new Request("http://grace.test/api/chat/stream", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ message }) }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
  const text = await res.text();
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({ name: /^event: (.+)$/m.exec(block)![1], data: JSON.parse(/^data: (.+)$/m.exec(block)![1]) }));
}

/** Opens the stream and reads its first token event; hands back that text and the reader. */
async function firstToken(token: string, message: string) {
  const res = await stream.POST(
    new Request("http://grace.test/api/chat/stream", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ message }) }),
    { params: Promise.resolve({}) },
  );
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  while (!buffer.includes("\n\n")) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
  }
  const block = buffer.slice(0, buffer.indexOf("\n\n"));
  expect(block).toMatch(/^event: token$/m);
  return { text: JSON.parse(/^data: (.+)$/m.exec(block)![1]).text as string, reader };
}

describe("the LLM path's honesty", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const input = ingestTextSchema.parse({ title: "Mars facts", content: "Mars has two small moons named Phobos and Deimos. Its day lasts about 24.6 hours." });
  const mars = (await ingestContent({ user, input, source: "manual", trustScore: 80 })).artifact;
  const fake = await startFakeLlm();
  beforeEach(() => {
    process.env.GRACE_LLM_BASE_URL = fake.url;
    process.env.GRACE_LLM_MODEL = "fake-model";
  });
  afterAll(async () => {
    delete process.env.GRACE_LLM_BASE_URL;
    delete process.env.GRACE_LLM_MODEL;
    await fake.close();
  });

  const ask = async (message: string) => {
    const res = await call(chat.POST, { bearer: token, body: { message } });
    expect(res.status).toBe(200);
    expect(res.json.engine).toBe("llm");
    return res.json;
  };
  const researchGoals = (question: string) => db.goal.findMany({ where: { userId: user.id, goalText: researchGoalText(question) } });
  const stored = (messageId: number) => db.chatMessage.findUniqueOrThrow({ where: { id: messageId } });

  it("removes a source number the model invented and keeps the real one: grounded, answered, no goal", async () => {
    const question = "What are the moons of Mars called?";
    fake.behave({ tokens: ["Its moons are Phobos and Deimos [1]", ", both ", "small [7]."] });
    const res = await ask(question);
    // The model was given one source, numbered 1.
    expect(fake.lastRequest()!.messages.at(-1)!.content).toContain("[1] Mars facts");
    expect(res.response).toBe("Its moons are Phobos and Deimos [1], both small.");
    expect(res.citations).toEqual([expect.objectContaining({ n: 1, artifact_id: mars.id })]);
    expect(res).toMatchObject({ grounded: true, answer_status: "answered", fallback: false });
    expect((await stored(res.message_id)).content).toBe(res.response);
    expect(await db.messageCitation.findMany({ where: { messageId: res.message_id } })).toEqual([expect.objectContaining({ artifactId: mars.id, ordinal: 1 })]);
    expect(await researchGoals(question)).toEqual([]);
  });

  it("marks an answer that cites nothing as not grounded and unknown, and files one research goal even when asked twice", async () => {
    const question = "Which moons orbit Mars?";
    fake.behave({ tokens: ["Mars is orbited by ", "Phobos and Deimos."] });
    const first = await ask(question);
    expect(first).toMatchObject({ response: "Mars is orbited by Phobos and Deimos.", citations: [], grounded: false, answer_status: "unknown" });
    const second = await ask(question);
    expect(second).toMatchObject({ grounded: false, answer_status: "unknown" });
    expect(await researchGoals(question)).toHaveLength(1);
    const listed = await call(goals.GET, { bearer: token });
    expect(listed.json.filter((g: { goal_text: string }) => g.goal_text === researchGoalText(question))).toHaveLength(1);
    const causal = await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: first.message_id } });
    expect(causal).toMatchObject({ outcome: "unhandled", confidence: 0 });
  });

  it("takes an answer whose only markers are invented as citing nothing", async () => {
    const question = "How many moons does Mars have?";
    fake.behave({ tokens: ["Two [4]", ": Phobos and Deimos [2, 3]."] });
    const res = await ask(question);
    expect(res).toMatchObject({ response: "Two: Phobos and Deimos.", citations: [], grounded: false, answer_status: "unknown" });
    expect(await researchGoals(question)).toHaveLength(1);
  });

  it("counts a refusal as not knowing: unknown, one research goal", async () => {
    const question = "What is the boiling point of liquid nitrogen?";
    fake.behave({ tokens: ["I don't know ", "what the boiling point is."] });
    const res = await ask(question);
    expect(res).toMatchObject({ response: "I don't know what the boiling point is.", grounded: false, answer_status: "unknown" });
    await ask(question);
    expect(await researchGoals(question)).toHaveLength(1);
    const causal = await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: res.message_id } });
    expect(causal.outcome).toBe("unhandled");
  });

  it.each([
    ["Какая температура кипения азота?", ["Я не знаю", ", в источниках нет информации об этом."]],
    ["氮的沸点是多少？", ["我不", "知道", "。"]],
    ["¿Cuál es el punto de ebullición del nitrógeno?", ["No lo sé."]],
    ["Quel est le point d’ébullition de l’azote ?", ["Je ne sais pas."]],
    ["Was ist der Siedepunkt von Stickstoff?", ["Das weiß ich nicht."]],
    ["ما هي درجة غليان النيتروجين؟", ["لا أعرف."]],
    ["窒素の沸点は何度ですか？", ["わかりません。"]],
  ])("understands a refusal in the question's language: %s", async (question, tokens) => {
    fake.behave({ tokens });
    const res = await ask(question);
    expect(res).toMatchObject({ response: tokens.join(""), grounded: false, answer_status: "unknown" });
    expect(await researchGoals(question)).toHaveLength(1);
    expect((await db.causalEvent.findFirstOrThrow({ where: { responseMessageId: res.message_id } })).outcome).toBe("unhandled");
  });

  // A source was given and cited: only the refusal tells a partial answer from a full one.
  it.each([
    ["ru", "Фобос и Деймос [1]. ", "Кто их назвал, я не знаю."],
    ["zh", "火星的卫星是火卫一和火卫二 [1]。", "谁给它们命名，我不知道。"],
    ["es", "Son Fobos y Deimos [1]. ", "No sé quién les puso nombre."],
    ["fr", "Ce sont Phobos et Deimos [1]. ", "Je ne sais pas qui les a nommées."],
    ["de", "Es sind Phobos und Deimos [1]. ", "Wer sie benannt hat, weiß ich nicht."],
    ["ar", "هما فوبوس وديموس [1]. ", "لا أعرف من سماهما."],
    ["ja", "フォボスとダイモスです [1]。", "誰が名付けたかは分かりません。"],
  ])("understands a refusal beside a cited answer (%s): partial", async (lang, cited, refusal) => {
    const question = `What are the moons of Mars called, and who named them? (${lang})`;
    fake.behave({ tokens: [cited, refusal] });
    const res = await ask(question);
    expect(res).toMatchObject({ response: cited + refusal, grounded: true, answer_status: "partial" });
    expect(await researchGoals(question)).toHaveLength(1);
  });

  it("keeps a valid marker split across chunks and removes an invalid one, in the stream and in the stored answer", async () => {
    const question = "Tell me the names of the Martian moons.";
    fake.behave({ tokens: ["Phobos and Deimos ", "[", "1", "]", ", small ", "[", "7", "]", "."] });
    const events = await streamChat(token, question);
    const tokens = events.filter((e) => e.name === "token").map((e) => e.data.text as string);
    const streamed = tokens.join("");
    expect(streamed).not.toContain("7");
    expect(streamed).toContain("Deimos [1]");
    const done = events.at(-1)!;
    expect(done.name).toBe("done");
    expect(done.data).toMatchObject({ response: "Phobos and Deimos [1], small.", grounded: true, answer_status: "answered" });
    expect(done.data.citations.map((c: { n: number }) => c.n)).toEqual([1]);
    // The stream differs from the answer at most by the space the removed marker left behind.
    expect(streamed.replace(/ +\./g, ".")).toBe(done.data.response);
    expect((await stored(done.data.message_id)).content).toBe(done.data.response);
  });

  it("carries answer_status in the stream's final event for an ungrounded answer", async () => {
    const question = "Where are the Martian moons from?";
    fake.behave({ tokens: ["They are ", "captured asteroids [9]."] });
    const events = await streamChat(token, question);
    const done = events.at(-1)!;
    expect(done.data).toMatchObject({ response: "They are captured asteroids.", grounded: false, answer_status: "unknown", citations: [] });
    expect(events.filter((e) => e.name === "token").some((e) => e.data.text.includes("[9"))).toBe(false);
    expect(await researchGoals(question)).toHaveLength(1);
  });

  it("answers partly when it cites a source and says it does not know the rest: partial, one research goal for the question", async () => {
    const question = "How long is a day on Mars, and who named its moons?";
    fake.behave({ tokens: ["A day on Mars lasts about 24.6 hours [1]. ", "I don't know who named its moons."] });
    const res = await ask(question);
    expect(res).toMatchObject({ grounded: true, answer_status: "partial" });
    expect(res.citations.map((c: { n: number }) => c.n)).toEqual([1]);
    await ask(question);
    expect(await researchGoals(question)).toHaveLength(1);
    const audit = await db.logEntry.findFirstOrThrow({ where: { action: "chat.message", resource: `conversation:${res.conversation_id}` } });
    expect(JSON.parse(audit.payload)).toMatchObject({ answer_status: "partial", citations: [mars.id] });
  });

  it("keeps what the reader saw when they leave while a marker is held back", async () => {
    const lastBefore = (await db.chatMessage.findFirst({ where: { userId: user.id, role: "grace" }, orderBy: { id: "desc" } }))?.id ?? 0;
    const before = fake.closedEarly();
    // The model sends "Phobos " and the start of a marker, then nothing more until hung up on.
    fake.behave({ tokens: ["Phobos ", "[", "1", "]."], stallAfter: 2 });
    const { text, reader } = await firstToken(token, "What is the larger moon of Mars?");
    expect(text).toBe("Phobos ");
    await vi.waitFor(() => expect(fake.sentTokens()).toEqual(["Phobos ", "["]));
    await new Promise((r) => setTimeout(r, 50)); // let the "[" reach the engine
    await reader.cancel();
    await vi.waitFor(() => expect(fake.closedEarly()).toBe(before + 1), { timeout: 10_000 });
    const answer = await vi.waitFor(
      async () => {
        const m = await db.chatMessage.findFirst({ where: { userId: user.id, role: "grace" }, orderBy: { id: "desc" } });
        expect(m?.id).toBeGreaterThan(lastBefore);
        return m!;
      },
      { timeout: 10_000 },
    );
    expect(answer).toMatchObject({ content: "Phobos ", interrupted: true });
    // Interrupted answers say nothing about what Grace knows: no research goal.
    expect(await researchGoals("What is the larger moon of Mars?")).toEqual([]);
  });

  it("files nothing for small talk the model answers without sources", async () => {
    fake.behave({ tokens: ["Hello! How can I help?"] });
    const before = await db.goal.count({ where: { userId: user.id } });
    const res = await ask("Hello!");
    expect(res).toMatchObject({ grounded: false, answer_status: "answered" });
    expect(await db.goal.count({ where: { userId: user.id } })).toBe(before);
  });

  it("still falls back to the built-in engine when the model fails", async () => {
    fake.behave({ status: 500 });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const res = await call(chat.POST, { bearer: token, body: { message: "What are the moons of Mars called?" } });
      expect(res.json).toMatchObject({ engine: "builtin", fallback: true, grounded: true, answer_status: "answered" });
      // Stored with the answer: the conversation says so after a reload too.
      const thread = await call(messages.GET, { bearer: token, params: { id: String(res.json.conversation_id) }, path: `/api/chat/conversations/${res.json.conversation_id}/messages?limit=10` });
      expect(thread.json.items.at(-1)).toMatchObject({ role: "grace", engine: "builtin", fallback: true });
    } finally {
      console.warn = warn;
    }
  });
});
