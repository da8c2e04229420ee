// The built-in engine's reading of a question (what kind of answer it wants, which words it
// asks with, its parts) and its choice of sentence, on a table of questions in every supported
// language, without a database: passages are made up here, words weigh the same.
import { describe, expect, it } from "vitest";
import { analyzeQuestion } from "../../lib/chat/answer/question";
import { evidenceFrom } from "../../lib/chat/answer/evidence";
import { selectAnswers } from "../../lib/chat/answer/select";
import { composeReply } from "../../lib/chat/answer/compose";
import type { SearchHit } from "../../lib/knowledge/search";

describe("what a question asks for", () => {
  it.each([
    ["What is the boiling point of Korvath coolant?", "other", ["boiling", "point", "korvath", "coolant"]],
    ["How many arches does the Ilvenmark Bridge have?", "quantity", ["arches", "ilvenmark", "bridge"]],
    ["How much does a ticket cost?", "quantity", ["ticket", "cost"]],
    ["When was the Saddra Museum of Tides founded?", "date", ["saddra", "museum", "tides", "founded"]],
    ["What year did the ferry start?", "year", ["ferry", "start"]],
    ["Who designed the Ilvenmark Bridge?", "person", ["designed", "ilvenmark", "bridge"]],
    ["Where is the Saddra Museum?", "place", ["saddra", "museum"]],
    ["Is the museum open on Mondays?", "yesno", ["museum", "open", "mondays"]],
    ["¿Cuántos empleados tiene la cooperativa Velmora?", "quantity", ["empleados", "cooperativa", "velmora"]],
    ["¿Cuándo se fundó la cooperativa?", "date", ["fundó", "cooperativa"]],
    ["Qui a conçu le pont d'Arvelle ?", "person", ["conçu", "pont", "d'arvelle"]],
    ["Où se trouve le café Lumen ?", "place", ["trouve", "café", "lumen"]],
    ["Wann wurde die Brücke eröffnet?", "date", ["brücke", "eröffnet"]],
    ["Wie viele Bögen hat die Brücke?", "quantity", ["bögen", "brücke"]],
    ["Сколько мостов в городе Велмор?", "quantity", ["мостов", "городе", "велмор"]],
    ["Кто построил музей?", "person", ["построил", "музей"]],
    ["متى تأسس المتحف؟", "date", null],
    ["科尔瓦斯冷却液的沸点是多少？", "quantity", null],
    ["博物馆什么时候开放？", "date", null],
    ["その橋はいつ完成しましたか？", "date", null],
    ["橋を設計したのは誰ですか？", "person", null],
  ] as const)("%s → %s", (text, type, words) => {
    const q = analyzeQuestion(text);
    expect(q.type).toBe(type);
    if (words) expect(q.words.map((w) => w.word)).toEqual(words);
    else expect(q.words.length).toBeGreaterThan(0);
  });

  it("finds a name by its capital, not the question's first word", () => {
    const q = analyzeQuestion("Korvath coolant: who makes the Dravel pump?");
    expect(q.words.filter((w) => w.capitalized).map((w) => w.word)).toEqual(["dravel"]);
  });

  it("splits a question that asks two things, each with its own kind of answer", () => {
    const q = analyzeQuestion("When was the Ilvenmark Bridge opened and who designed it?");
    expect(q.parts.map((p) => p.type)).toEqual(["date", "person"]);
    const two = analyzeQuestion("What are the flow rate and the boiling point of Korvath coolant?");
    expect(two.parts.map((p) => p.words.map((w) => w.word))).toEqual([["flow", "rate"], ["boiling", "point", "korvath", "coolant"]]);
    // "and" inside a list of subjects leaves nothing to ask on one side: one part.
    expect(analyzeQuestion("Who built Tessor and Ilvenmark?").parts).toHaveLength(2);
  });
});

const hit = (artifact_id: number, title: string, content: string, trust_score = 90): SearchHit => ({
  chunk_id: artifact_id * 10, artifact_id, title, path: `t/${artifact_id}`, domain: "t", source_url: null, trust_score, content, snippet: content, rank: artifact_id, score: 1 / artifact_id, relevance: 1,
});
const ask = (question: string, hits: SearchHit[]) => {
  const q = analyzeQuestion(question);
  return composeReply(q, selectAnswers(q, evidenceFrom(hits), () => 1));
};

const KORVATH = hit(1, "Korvath coolant", "# Korvath coolant\n\nKorvath coolant is a glycol blend made in Tessaly.\n- It flows at 1,240 litres per hour through the main loop.\n- Its freezing point is -41 °C.\n\nThe coolant was first sold in 1987 by Brennic Works.");

describe("answering only what a sentence answers", () => {
  it("answers from the sentence that holds the attribute, with its citation, never quoting a heading or a list marker", () => {
    const r = ask("What is the freezing point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("answered");
    expect(r.text).toBe("Its freezing point is -41 °C. [1]");
    expect(r.citations.map((c) => c.artifact_id)).toEqual([1]);
  });

  it("says it doesn't know an attribute the source does not state, and what the source does say", () => {
    const r = ask("What is the boiling point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("unknown");
    expect(r.text).toMatch(/^I don't know the boiling point of Korvath coolant\. My sources on Korvath coolant say: .+ \[1\]/);
    expect(r.grounded).toBe(false);
  });

  it("wants the kind of value asked for: a date for when, a name for who, a number for how many", () => {
    expect(ask("When was Korvath coolant first sold?", [KORVATH]).text).toMatch(/1987/);
    expect(ask("Who first sold Korvath coolant?", [KORVATH]).text).toMatch(/Brennic Works/);
    // The sentence about where it is made holds no number: no quantity to give.
    expect(ask("How many factories make Korvath coolant?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("answers a yes/no question only when a sentence states it", () => {
    expect(ask("Is Korvath coolant a glycol blend?", [KORVATH]).answerStatus).toBe("answered");
    expect(ask("Is Korvath coolant toxic?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("answers part of a question and says which part it cannot", () => {
    const r = ask("What are the freezing point and the boiling point of Korvath coolant?", [KORVATH]);
    expect(r.answerStatus).toBe("partial");
    expect(r.text).toMatch(/-41 °C\. \[1\] I don't know the boiling point of Korvath coolant\./);
    expect(r.unanswered).toMatch(/boiling point/);
  });

  it("does not answer about one subject from another's source", () => {
    expect(ask("What is the freezing point of Dravel coolant?", [KORVATH]).answerStatus).toBe("unknown");
  });

  it("says so when two sources disagree, citing each", () => {
    const other = hit(2, "Korvath coolant history", "Korvath coolant was first sold in 1991 by Brennic Works.");
    const r = ask("When was Korvath coolant first sold?", [KORVATH, other]);
    expect(r.text).toMatch(/^My sources disagree: .*\[1\].*\[2\]/);
    expect(r.text).toMatch(/1987/);
    expect(r.text).toMatch(/1991/);
    expect(r.citations).toHaveLength(2);
  });

  it("answers in Russian and Chinese from sources in those languages", () => {
    const ru = hit(3, "Мост Ильвенмарк", "Мост Ильвенмарк был открыт в 1902 году. Его длина составляет 412 метров.");
    expect(ask("Когда открыли мост Ильвенмарк?", [ru]).text).toMatch(/1902/);
    expect(ask("Кто спроектировал мост Ильвенмарк?", [ru]).answerStatus).toBe("unknown");
    const zh = hit(4, "科尔瓦斯冷却液", "科尔瓦斯冷却液的流量为每小时1240升。它于1987年首次上市。");
    expect(ask("科尔瓦斯冷却液的流量是多少？", [zh]).text).toMatch(/1240/);
    expect(ask("科尔瓦斯冷却液的沸点是多少？", [zh]).answerStatus).toBe("unknown");
  });
});
