// The LLM path's honesty checks on their own: citation markers filtered as the answer streams
// (whatever the chunking), and "I don't know" found in every supported language.
import { describe, expect, it } from "vitest";
import { CitationMarkerFilter } from "../../lib/chat/llm/citation-markers";
import { saysDontKnow } from "../../lib/chat/llm/refusal";

/** Runs `chunks` through a filter for sources 1..sources; returns the stream, the kept text and the cited numbers. */
function run(chunks: string[], sources = 2) {
  const f = new CitationMarkerFilter(new Set(Array.from({ length: sources }, (_, i) => i + 1)));
  let streamed = "";
  for (const c of chunks) streamed += f.push(c);
  streamed += f.end();
  return { streamed, text: f.text(), cited: f.cited() };
}

/** Every way of cutting `text` into two chunks, and one character at a time. */
function chunkings(text: string): string[][] {
  const chars = [...text];
  return [[text], chars, ...chars.map((_, i) => [chars.slice(0, i).join(""), chars.slice(i).join("")])];
}

describe("citation markers", () => {
  const cases: [string, string, number[]][] = [
    ["Phobos and Deimos [1].", "Phobos and Deimos [1].", [1]],
    ["Phobos [1] and Deimos [7].", "Phobos [1] and Deimos.", [1]],
    ["Phobos [7] and Deimos.", "Phobos and Deimos.", []],
    ["Phobos [1, 7] and Deimos [2][9].", "Phobos [1] and Deimos [2].", [1, 2]],
    ["Phobos [1,2].", "Phobos [1][2].", [1, 2]],
    ["Phobos 【1】 and Deimos 【8】。", "Phobos [1] and Deimos。", [1]],
    ["Phobos[^1] and Deimos [^3].", "Phobos[1] and Deimos.", [1]],
    ["Phobos [7] [8], Deimos.", "Phobos, Deimos.", []],
    ["[7] Phobos.", "Phobos.", []],
    ["Phobos [7]", "Phobos", []],
    ["Phobos [7]\nDeimos", "Phobos\nDeimos", []],
    ["see [a] and [] and [ ] and [1234] and [1", "see [a] and [] and [ ] and [1234] and [1", []],
    ["a [[1]] b", "a [[1]] b", [1]],
    ["a [1, 2, 3, 4, 5, 6] b", "a [1, 2, 3, 4, 5, 6] b", []],
  ];
  it.each(cases)("%j → %j, however it is cut into chunks", (input, kept, cited) => {
    for (const chunks of chunkings(input)) {
      const r = run(chunks);
      expect(r.text, JSON.stringify(chunks)).toBe(kept);
      expect(r.cited).toEqual(cited);
      // The stream never shows an invalid marker; it only differs by a space a removed marker left.
      expect(r.streamed).not.toMatch(/\[[3-9]\]|【8】|\[\^3\]/);
    }
  });

  it("holds back nothing but a possible marker", () => {
    const f = new CitationMarkerFilter(new Set([1]));
    expect(f.push("Phobos ")).toBe("Phobos ");
    expect(f.push("and [")).toBe("and ");
    expect(f.push("1")).toBe("");
    expect(f.push("]. Deimos ")).toBe("[1]. Deimos ");
    expect(f.push("[see")).toBe("[see");
  });

  it("takes linear time on runs of brackets and digits (time for 10n over time for n, not a clock limit)", () => {
    const make = (n: number) => "[1".repeat(n) + "[7]".repeat(n) + "no I don't ".repeat(n);
    const time = (input: string) => {
      const start = performance.now();
      for (let i = 0; i < 5; i++) {
        new CitationMarkerFilter(new Set([1])).push(input);
        saysDontKnow(input);
      }
      return performance.now() - start;
    };
    time(make(2_000)); // let the JIT settle
    const ratios = [0, 1, 2].map(() => time(make(20_000)) / time(make(2_000))).sort((a, b) => a - b);
    expect(ratios[1]).toBeLessThan(30);
  });
});

describe("saying it does not know", () => {
  const refusals = [
    "I don't know what the boiling point is.",
    "I don’t know.",
    "I do not know that.",
    "The sources do not mention the boiling point.",
    "The provided sources don't say.",
    "There is no information about that.",
    "No lo sé.",
    "No sé la respuesta.",
    "No tengo información sobre eso.",
    "Je ne sais pas.",
    "Je n’ai pas d’information à ce sujet.",
    "Ich weiß nicht.",
    "Das weiß ich nicht.",
    "Dazu gibt es keine Informationen.",
    "Я не знаю.",
    "Не знаю, источники об этом молчат.",
    "В источниках нет информации об этом.",
    "لا أعرف.",
    "ولا أعلم ذلك",
    "我不知道。",
    "资料中没有相关信息。",
    "わかりません。",
    "その情報がありません。",
  ];
  it.each(refusals)("%j", (text) => expect(saysDontKnow(text)).toBe(true));

  const answers = ["Its moons are Phobos and Deimos [1].", "Nosé is a name.", "I know: Phobos [1].", "Information is mentioned in [1].", "Das Wissen ist klar [1].", "火星有两颗卫星 [1]。"];
  it.each(answers)("not %j", (text) => expect(saysDontKnow(text)).toBe(false));
});
