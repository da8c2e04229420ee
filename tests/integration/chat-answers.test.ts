// Answers that know what they don't know, through POST /api/chat/ on each database: a cited
// answer when a sentence answers the question, "I don't know" with what the sources say nearby
// when none does (one research goal, however often it is asked), a partial answer that files
// its goal for the part it could not answer, and questions in Russian and Chinese.
import { describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import * as messages from "../../app/api/chat/conversations/[id]/messages/route";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";

async function know(user: { id: number; username: string }, title: string, content: string) {
  const input = ingestTextSchema.parse({ title, content });
  return (await ingestContent({ user, input, source: "manual", trustScore: 80 })).artifact;
}

describe("answers that know what they don't know", async () => {
  const user = await createUser();
  const bearer = await tokenFor(user);
  const ask = (message: string) => call(chat.POST, { bearer, body: { message } });
  const tag = Math.random().toString(36).slice(2, 7);
  const name = `Korvath${tag}`;
  const doc = await know(user, `${name} coolant`, `# ${name} coolant\n\n${name} coolant is a glycol-free blend made in Lisk Ferry.\n\n- It flows at 14 litres per minute in a standard loop.\n- Its freezing point is -41 °C.\n\nIt was first sold in 1987 by Daremoor Works.`);
  const goalsFor = (text: string) => db.goal.count({ where: { userId: user.id, goalText: { contains: text } } });

  it("answers from the sentence that holds the fact, with answer_status answered", async () => {
    const res = await ask(`What is the freezing point of ${name} coolant?`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ answer_status: "answered", grounded: true });
    expect(res.json.response).toBe("Its freezing point is -41 °C. [1]");
    expect(res.json.citations).toEqual([expect.objectContaining({ n: 1, artifact_id: doc.id })]);
  });

  it("says it doesn't know an attribute its sources do not state, cites what they do say, and files one goal", async () => {
    const question = `What is the boiling point of ${name} coolant?`;
    const res = await ask(question);
    expect(res.json).toMatchObject({ answer_status: "unknown", grounded: false });
    expect(res.json.response).toMatch(new RegExp(`^I don't know the boiling point of ${name} coolant\\. My sources on ${name} coolant say: .+\\[1\\]`));
    expect(res.json.citations[0].artifact_id).toBe(doc.id);
    await ask(question);
    expect(await goalsFor(`boiling point of ${name.toLowerCase()}`)).toBe(1);
    // The status is stored with the answer: the conversation shows it after a reload too.
    const thread = await call(messages.GET, { bearer, params: { id: String(res.json.conversation_id) }, path: `/api/chat/conversations/${res.json.conversation_id}/messages?limit=10` });
    expect(thread.json.items.map((m: { role: string; answer_status?: string; grounded?: boolean; engine?: string }) => [m.role, m.answer_status, m.grounded, m.engine])).toEqual([
      ["user", undefined, undefined, undefined],
      ["grace", "unknown", false, "builtin"],
    ]);
  });

  it("answers part of a question and files the goal for the part it could not answer", async () => {
    const res = await ask(`Who first sold ${name} coolant and who is its chief chemist?`);
    expect(res.json.answer_status).toBe("partial");
    expect(res.json.response).toMatch(/Daremoor Works\. \[1\]/);
    expect(await goalsFor("chief chemist")).toBe(1);
  });

  it("answers in Russian and Chinese from sources in those languages, and knows what they do not say", async () => {
    await know(user, `Мост Ильвенмарк ${tag}`, `Мост Ильвенмарк ${tag} был открыт в 1902 году. Его длина составляет 412 метров.`);
    const ru = await ask(`Когда открыли мост Ильвенмарк ${tag}?`);
    expect(ru.json.answer_status).toBe("answered");
    expect(ru.json.response).toMatch(/1902/);
    expect((await ask(`Кто спроектировал мост Ильвенмарк ${tag}?`)).json.answer_status).toBe("unknown");
    await know(user, `科尔瓦斯冷却液 ${tag}`, `科尔瓦斯冷却液的流量为每小时1240升。它于1987年首次上市。`);
    const zh = await ask("科尔瓦斯冷却液的流量是多少？");
    expect(zh.json.answer_status).toBe("answered");
    expect(zh.json.response).toMatch(/1240/);
  });
});
