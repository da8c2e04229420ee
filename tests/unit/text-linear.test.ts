// Text handling must take time linear in its input: it runs on user text, some of it inside
// the write transaction. No wall-clock limits here (they flake): each test compares the time
// for inputs of size n and 10n. Linear code gives a ratio near 10, quadratic code near 100;
// the bound is 30, and n is large enough that the old quadratic code passed it by far.
import { describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import type { SearchHit } from "../../lib/knowledge/search";

// The chat engine is tested without a database: retrieval answers with a made-up passage.
vi.mock("../../lib/db/client", () => ({ databaseProvider: () => "sqlite", db: {} }));
vi.mock("../../lib/chat/retrieve", () => ({ retrieve: vi.fn(), withBestSources: async (o: { hits: unknown[] }) => o.hits }));
vi.mock("../../lib/chat/answer/weights", () => ({ termWeights: async () => () => 1 }));

const { builtinReply } = await import("../../lib/chat/builtin-engine");
const { retrieve } = await import("../../lib/chat/retrieve");
const { chunkText, splitSentences } = await import("../../lib/knowledge/chunk");
const { normalizeContent } = await import("../../lib/knowledge/normalize");
const { searchTerms } = await import("../../lib/knowledge/search");
const { classify } = await import("../../lib/chat/intents");
const { tokenize } = await import("../../lib/loops/topics");

const RUNS = 5;
const BOUND = 30;

/** Milliseconds per call, over enough calls to fill 20 ms, so timer resolution does not matter. */
async function perCall(f: () => unknown): Promise<number> {
  const start = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    const r = f();
    if (r instanceof Promise) await r;
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < 20);
  return elapsed / calls;
}

/** Median over a few runs of time(make(10n)) / time(make(n)). */
async function growth(make: (n: number) => string, run: (input: string) => unknown, n: number): Promise<number> {
  const small = make(n);
  const big = make(10 * n);
  await perCall(() => run(small)); // let the JIT settle first
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await perCall(() => run(small));
    const b = await perCall(() => run(big));
    ratios.push(b / s);
  }
  return ratios.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

/** A one-line paragraph of words, `length` characters long, ending in ".y" (no sentence end). */
function oneLine(length: number): string {
  const words = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
  return words.repeat(Math.ceil(length / words.length)).slice(0, length - 2) + ".y";
}

describe("linear time on adversarial input", () => {
  it("splitSentences: a long line with no sentence end (was quadratic: 82 s for 250,000 characters)", async () => {
    expect(await growth(oneLine, splitSentences, 4000)).toBeLessThan(BOUND);
  });

  it("chunkText: the same long line", async () => {
    expect(await growth(oneLine, chunkText, 4000)).toBeLessThan(BOUND);
  });

  it("splitSentences and chunkText: long runs of periods, '!' and spaces", async () => {
    const runs = (n: number) => `a${".".repeat(n / 2)}b${"!".repeat(n / 4)}x${" ".repeat(n / 4)}y`;
    expect(await growth(runs, splitSentences, 4000)).toBeLessThan(BOUND);
    expect(await growth(runs, chunkText, 4000)).toBeLessThan(BOUND);
  });

  it("normalizeContent: a long run of spaces followed by text (`/[ \\t]+$/gm` was quadratic)", async () => {
    expect(await growth((n) => `${" ".repeat(n)}x`, normalizeContent, 3000)).toBeLessThan(BOUND);
  });

  it("classify: a greeting word, a long run of spaces, then text (the greeting regex was quadratic)", async () => {
    expect(await growth((n) => `hi${" ".repeat(n)}x`, classify, 2000)).toBeLessThan(BOUND);
    expect(await growth((n) => `hello${"!".repeat(n)}x`, classify, 2000)).toBeLessThan(BOUND);
  });

  it("the chat engine quoting a sentence with a long run of spaces (`/\\s*[.!?]*$/` was quadratic)", async () => {
    vi.mocked(retrieve).mockImplementation(async () => [hit(passage)]);
    let passage = "";
    const reply = (content: string) => {
      passage = content;
      return builtinReply({ db: {} as Db, userId: 1, message: "tell me about alpha beta" });
    };
    expect(await growth((n) => `Alpha${" ".repeat(n)}beta`, reply, 2000)).toBeLessThan(BOUND);
  });

  it("tokenize: long runs of joiners and words", async () => {
    const text = (n: number) => `a${"-".repeat(n / 2)}${"é'".repeat(n / 4)}`;
    expect(await growth(text, tokenize, 10_000)).toBeLessThan(BOUND);
  });
});

describe("the chat engine's quote", () => {
  it("ends a quoted sentence with one period before the citation", async () => {
    vi.mocked(retrieve).mockResolvedValue([hit("Alpha beta is grand?! Nothing else here.")]);
    const r = await builtinReply({ db: {} as Db, userId: 1, message: "what is alpha beta" });
    expect(r.text).toBe("Alpha beta is grand. [1]");
  });

  it("quotes a sentence that contains a decimal whole (it was cut at the '.')", async () => {
    vi.mocked(retrieve).mockResolvedValue([hit("Version 1.5 is here. Nothing else.")]);
    const r = await builtinReply({ db: {} as Db, userId: 1, message: "which version is here" });
    expect(r.text).toBe("Version 1.5 is here. [1]");
  });
});

describe("words in every script", () => {
  it("keeps Russian and accented words whole, lowercased; cuts CJK runs into words", () => {
    expect(tokenize("Столица России — Москва. Café crème, naïve façade; 東京都の人口")).toEqual([
      "столица", "россии", "москва", "café", "crème", "naïve", "façade", "東京", "人口",
    ]);
  });

  it("treats ’ like ' (so \"don’t\" is a stop-word) and drops numbers in any digits", () => {
    expect(tokenize("Don’t deploy on ٢٠٢٦ or 2026, it’s e-mail_time")).toEqual(["deploy", "e-mail_time"]);
  });

  it("still reads English as before", () => {
    expect(tokenize("How do I deploy the Kubernetes cluster in 2026? rock'n'roll--a- _x_")).toEqual(["deploy", "kubernetes", "cluster", "rock'n'roll--a"]);
  });

  it("searches for words in any script", () => {
    expect(searchTerms("Какая столица России?")).toEqual(["столица", "россии"]); // "какая" is a Russian stop-word
    expect(searchTerms("crème brûlée, don't")).toEqual(["crème", "brûlée"]);
  });
});

function hit(content: string): SearchHit {
  return { chunk_id: 1, artifact_id: 1, title: "t", path: "p", domain: "d", source_url: null, trust_score: 90, content, snippet: "", rank: 1, score: 1, relevance: 1 };
}
