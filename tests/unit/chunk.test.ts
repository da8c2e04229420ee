import { describe, expect, it } from "vitest";
import { chunkText, splitSentences } from "../../lib/knowledge/chunk";

const noSpace = (s: string) => s.replace(/\s/g, "");
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A one-line paragraph of words, `length` characters long, ending in ".y" (no sentence end). */
function oneLine(length: number): string {
  const words = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
  return words.repeat(Math.ceil(length / words.length)).slice(0, length - 2) + ".y";
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing input can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that exercise every rule: enders, runs, closers, abbreviations, decimals, CJK,
// surrogate pairs, every kind of whitespace and line break.
const PIECES = [
  "word", "Word", "é", "Ça", "мир", "Привет", "東京", "人口", "😀", "1.5", "e.g.", "U.S.", "Dr.", "J.", "...", ".", ".", "!", "?", "?!",
  "。", "！", "？", "「", "」", '"', "”", "’", "'", ")", "(", "a", "x", " ", " ", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u00a0", "\u3000", "\u2028",
];

function generate(rnd: () => number, pieces: number, spaceBias: number): string {
  let s = "";
  for (let i = 0; i < pieces; i++) s += rnd() < spaceBias ? " " : PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe("splitSentences", () => {
  it.each([
    ["Version 1.5 is here. Next one.", ["Version 1.5 is here.", "Next one."]],
    ["e.g. this works.", ["e.g. this works."]],
    ["just some words without an end", ["just some words without an end"]],
    ["", []],
    [" \n\t ", []],
    ["first line\nsecond line", ["first line", "second line"]],
    ['He said "Stop!" Then he left?! Yes.', ['He said "Stop!"', "Then he left?!", "Yes."]],
    ["Dr. Smith met J. K. Rowling. The U.S. Army left.", ["Dr. Smith met J. K. Rowling.", "The U.S. Army left."]],
    ["Wait... what happened? Nothing.", ["Wait... what happened?", "Nothing."]],
    ["See example.com/a.b for details.Really", ["See example.com/a.b for details.Really"]],
    ["Visit example.com. Then go.", ["Visit example.com.", "Then go."]],
    ["Привет, мир. Как дела? Всё хорошо!", ["Привет, мир.", "Как дела?", "Всё хорошо!"]],
    ["东京是日本的首都。人口很多！真的吗？是的", ["东京是日本的首都。", "人口很多！", "真的吗？", "是的"]],
    ["他说：「你好。」然后走了。", ["他说：「你好。」", "然后走了。"]],
    ["Café crème à la carte. Ça va? Très bien.", ["Café crème à la carte.", "Ça va?", "Très bien."]],
  ])("%j", (text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it("splits a 250,000-character one-line paragraph ending in '.y' and keeps all of it", () => {
    const text = oneLine(250_000);
    expect(splitSentences(text)).toEqual([text]);
  });

  it("never drops or reorders non-whitespace text, on many generated inputs", () => {
    const rnd = random(1);
    for (let run = 0; run < 1000; run++) {
      const text = generate(rnd, Math.floor(rnd() * 120), 0.2);
      const sentences = splitSentences(text);
      expect(noSpace(sentences.join(""))).toBe(noSpace(text));
      for (const s of sentences) {
        expect(s.length).toBeGreaterThan(0);
        expect(s).toBe(s.trim());
        expect(s).not.toMatch(/[\n\r\u2028\u2029]/);
      }
    }
  });
});

describe("chunkText", () => {
  it("keeps paragraphs of up to 800 characters whole and splits on blank lines, even ones with spaces", () => {
    expect(chunkText("First para.\nstill first.\n\nSecond para.\n \t\nThird.\r\n\r\nFourth.")).toEqual([
      "First para.\nstill first.",
      "Second para.",
      "Third.",
      "Fourth.",
    ]);
  });

  it("packs sentences into passages of at most 800 characters, cut at sentence ends", () => {
    const sentence = "This sentence is about fifty characters long, ok. ";
    const chunks = chunkText(sentence.repeat(40));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(800);
      expect(c.endsWith("ok.")).toBe(true);
    }
    expect(chunks.join(" ")).toBe(sentence.repeat(40).trim());
  });

  it("cuts a long sentence at whitespace when it can", () => {
    const text = "abcdefg ".repeat(400).trim();
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(800);
      expect(c.split(" ").every((w) => w === "abcdefg")).toBe(true);
    }
  });

  it("cuts a long run with no whitespace into 800-character pieces, never inside a surrogate pair", () => {
    expect(chunkText("x".repeat(2000)).map((c) => c.length)).toEqual([800, 800, 400]);
    const emoji = chunkText("😀".repeat(1000));
    expect(emoji.join("")).toBe("😀".repeat(1000));
    for (const c of emoji) {
      expect(c.length).toBeLessThanOrEqual(800);
      expect(c).not.toMatch(LONE_SURROGATE);
    }
  });

  it("chunks a 250,000-character one-line paragraph ending in '.y': every word kept, cuts at whitespace", () => {
    const text = oneLine(250_000);
    const chunks = chunkText(text);
    expect(noSpace(chunks.join(""))).toBe(noSpace(text));
    let at = 0;
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(800);
      at = text.indexOf(c, at) + c.length;
      expect(at === text.length || /\s/.test(text[at])).toBe(true);
    }
  });

  it("never drops non-whitespace text and keeps every passage within 800 characters, on many generated inputs", () => {
    const rnd = random(2);
    for (let run = 0; run < 300; run++) {
      // Sometimes hardly any spaces, so long sentences must be cut hard.
      const text = generate(rnd, Math.floor(rnd() * 1500), rnd() < 0.3 ? 0 : 0.3);
      const chunks = chunkText(text);
      expect(noSpace(chunks.join(""))).toBe(noSpace(text));
      for (const c of chunks) {
        expect(c.length).toBeGreaterThan(0);
        expect(c.length).toBeLessThanOrEqual(800);
        expect(c).toBe(c.trim());
        expect(c).not.toMatch(LONE_SURROGATE);
        expect(c).not.toMatch(/\n[^\S\n\r\u2028\u2029]*\n/); // never across a blank line
      }
    }
  });
});
