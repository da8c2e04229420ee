// The one tokenizer (lib/text/tokenize.ts): normalisation, words in every script, stems,
// stop-words, language detection, query alternatives, and time linear in the input.
import { describe, expect, it } from "vitest";
import { detectLanguage, indexTerms, isStopWord, normalize, queryTerms, stem, tokens, type Lang } from "../../lib/text/tokenize";

const words = (text: string) => tokens(text).map((t) => t.word);

describe("normalize", () => {
  it.each([
    ["ＡＢＣ１２３", "abc123"], // NFKC: fullwidth letters and digits
    ["Straße", "strasse"], // full case folding: ß → ss
    ["ẞ", "ss"],
    ["ΣΟΦΟΣ", "σοφοσ"], // final sigma folds to σ
    ["ﬁle", "file"], // ligature
    ["ｶﾀｶﾅ", "カタカナ"], // halfwidth katakana
    ["Café", "café"],
  ])("%s → %s", (input, output) => {
    expect(normalize(input)).toBe(output);
  });
});

describe("tokens", () => {
  it("reads words in one scan, joiners inside a word kept, places in the original text", () => {
    expect(tokens("Don’t e-mail ＡＢＣ！")).toEqual([
      { word: "don't", start: 0, end: 5 },
      { word: "e-mail", start: 6, end: 12 },
      { word: "abc", start: 13, end: 16 },
    ]);
  });

  it("cuts Chinese runs into words, not one blob", () => {
    const w = words("科尔瓦斯冷却液的流量");
    expect(w.length).toBeGreaterThan(3);
    expect(w).toContain("流量");
    expect(w.join("")).toBe("科尔瓦斯冷却液的流量");
  });

  it("cuts Japanese mixed kana and kanji", () => {
    const w = words("東京都の人口は約1400万人です");
    expect(w).toEqual(expect.arrayContaining(["東京", "人口", "1400"]));
    expect(w).not.toContain("東京都の人口は約");
  });

  it("cuts Thai, and keeps its combining vowel and tone marks inside words", () => {
    const w = words("คอมพิวเตอร์ของฉันเสีย");
    expect(w.length).toBeGreaterThan(1);
    expect(w.join("")).toBe("คอมพิวเตอร์ของฉันเสีย");
  });

  it("indexes astral characters by their place in the original string (𠀀, emoji between words)", () => {
    expect(tokens("𠀀字 👍🏽 ok")).toEqual([
      { word: expect.stringContaining("𠀀"), start: 0, end: expect.any(Number) },
      ...(words("𠀀字").length > 1 ? [{ word: "字", start: 2, end: 3 }] : []),
      { word: "ok", start: 9, end: 11 },
    ]);
  });

  it("cuts a long Han run into bounded pieces without splitting a surrogate pair", () => {
    const text = "𠀀".repeat(100) + "字".repeat(100);
    const toks = tokens(text);
    expect(toks.map((t) => t.word).join("")).toBe(text);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.word);
  });
});

describe("stems", () => {
  it.each<[string, string, Lang]>([
    ["bridges", "bridge", "en"],
    ["running", "run", "en"],
    ["puentes", "puente", "es"],
    ["canciones", "canción", "es"],
    ["chevaux", "cheval", "fr"],
    ["nationales", "nationale", "fr"],
    ["Häuser", "Haus", "de"],
    ["Brücken", "Brücke", "de"],
    ["мостов", "мост", "ru"],
    ["музее", "музей", "ru"],
    ["المكتبات", "مكتبة", "ar"],
    ["الكتاب", "كتاب", "ar"],
  ])("%s and %s share a stem (%s)", (a, b, lang) => {
    expect(stem(a, lang)).toBe(stem(b, lang));
  });

  it("makes café and cafe agree in every Latin language", () => {
    for (const lang of ["en", "es", "fr", "de"] as const) expect(stem("café", lang)).toBe(stem("cafe", lang));
  });

  it("stems a word by its script when the text is in another language", () => {
    expect(stem("Kubernetes", "ru")).toBe(stem("kubernetes", "en"));
    expect(stem("мостов", "en")).toBe("мост");
    expect(stem("東京", "ja")).toBe("東京");
  });

  it("drops joiners and elided articles, and reads digits of any script as ASCII", () => {
    expect(stem("l'homme", "fr")).toBe(stem("homme", "fr"));
    expect(stem("e-mail", "en")).toBe("email");
    expect(stem("٢٠٢٦", "ar")).toBe("2026");
  });
});

describe("stop-words", () => {
  it.each<[string, Lang]>([
    ["the", "en"],
    ["don’t", "en"],
    ["los", "es"],
    ["está", "es"],
    ["les", "fr"],
    ["und", "de"],
    ["этот", "ru"],
    ["في", "ar"],
    ["的", "zh"],
    ["の", "ja"],
  ])("%s is a stop-word in %s, and in some language", (word, lang) => {
    expect(isStopWord(word, lang)).toBe(true);
    expect(isStopWord(word)).toBe(true);
  });

  it("keeps content words", () => {
    expect(isStopWord("bridge")).toBe(false);
    expect(isStopWord("мост")).toBe(false);
    expect(isStopWord("the", "ru")).toBe(false);
  });
});

describe("detectLanguage", () => {
  it.each<[Lang, string]>([
    ["en", "Where is the museum and how do I get there?"],
    ["es", "¿Dónde está el museo y cómo llego allí?"],
    ["fr", "Où est le musée et comment puis-je y aller ?"],
    ["de", "Wo ist das Museum und wie komme ich dorthin?"],
    ["ru", "Где находится музей и как туда добраться?"],
    ["ar", "أين يقع المتحف وكيف أصل إليه؟"],
    ["zh", "博物馆在哪里，我怎么去？"],
    ["ja", "博物館はどこにありますか？"],
    ["th", "พิพิธภัณฑ์อยู่ที่ไหน"],
  ])("%s: %s", (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it("defaults to English for Latin text with no votes", () => {
    expect(detectLanguage("Kubernetes 2026")).toBe("en");
  });
});

describe("index and query terms", () => {
  it("indexes a text's content words, stemmed in its language", () => {
    expect(indexTerms("The bridges of the river are old.")).toEqual(["bridg", "river", "old"]);
    expect(indexTerms("Мосты этого города очень старые.")).toEqual(expect.arrayContaining(["мост", "город"]));
    expect(indexTerms("Les ponts de la ville, c'est beau.")).toEqual(["pont", "vill", "beau"]);
  });

  it("looks a query word up as each stem it may have been indexed as", () => {
    expect(queryTerms("Где мосты в музее?")).toEqual([
      { word: "мосты", terms: ["мост"] },
      { word: "музее", terms: ["муз"] },
    ]);
    const cafe = queryTerms("café")[0];
    expect(cafe.word).toBe("café");
    expect(cafe.terms).toEqual(expect.arrayContaining(["cafe", "caf"]));
    // The English passage indexed "Café" as cafe, a French one as caf: either is found.
    expect(cafe.terms).toContain(indexTerms("The Café opens at nine.", "en")[0]);
    expect(cafe.terms).toContain(indexTerms("Le café ouvre à neuf heures.", "fr")[0]);
    expect(queryTerms("冷却液的流量是多少？").map((g) => g.word)).toEqual(["冷却", "液", "流量"]);
  });

  it("drops stop-words of every language, deduplicates, keeps at most 12 words", () => {
    expect(queryTerms("the and of")).toEqual([]);
    expect(queryTerms("bridge bridge BRIDGE").map((g) => g.word)).toEqual(["bridge"]);
    expect(queryTerms(Array.from({ length: 30 }, (_, i) => `word${i}`).join(" "))).toHaveLength(12);
  });
});

// Linear time: the time for 10n characters over the time for n, not wall-clock limits (as
// tests/unit/text-linear.test.ts). Linear gives about 10; the bound is generous.
const BOUND = 30;

function perCall(f: () => unknown): number {
  const start = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    f();
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < 20);
  return elapsed / calls;
}

function growth(make: (n: number) => string, run: (s: string) => unknown, n: number): number {
  const small = make(n);
  const big = make(10 * n);
  perCall(() => run(small));
  const ratios: number[] = [];
  for (let i = 0; i < 3; i++) ratios.push(perCall(() => run(big)) / perCall(() => run(small)));
  return ratios.sort((a, b) => a - b)[1];
}

describe("linear time", () => {
  const chinese = (n: number) => "科尔瓦斯冷却液的流量为每分钟十二升".repeat(Math.ceil(n / 17)).slice(0, n);
  const oneWord = (n: number) => "a".repeat(n);
  const accented = (n: number) => "é".repeat(n);

  it("a 200,000-character Chinese line (Intl.Segmenter only ever sees bounded pieces)", () => {
    expect(growth(chinese, tokens, 20_000)).toBeLessThan(BOUND);
    expect(growth(chinese, indexTerms, 20_000)).toBeLessThan(BOUND);
  });

  it("a 200,000-character one-word Latin line", () => {
    expect(growth(oneWord, tokens, 20_000)).toBeLessThan(BOUND);
    expect(growth(oneWord, indexTerms, 20_000)).toBeLessThan(BOUND);
    expect(growth(oneWord, queryTerms, 20_000)).toBeLessThan(BOUND);
    expect(growth(accented, indexTerms, 20_000)).toBeLessThan(BOUND);
  });

  it("detectLanguage and normal prose", () => {
    const prose = (n: number) => "The bridges of the river are old, y los puentes son viejos. ".repeat(Math.ceil(n / 60)).slice(0, n);
    expect(growth(prose, indexTerms, 20_000)).toBeLessThan(BOUND);
    expect(growth(prose, detectLanguage, 20_000)).toBeLessThan(BOUND);
  });
});
