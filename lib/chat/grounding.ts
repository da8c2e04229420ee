// What chat stores as an answer's `confidence` (CausalEvent.confidence, averaged by
// GET /api/evaluation/confidence) is not a guess: it is measured on the answer as given, as how
// far it stands on the knowledge it cites, from 0 to 1 — the product of
//   - citation coverage: the share of the answer's sentences that carry a citation [n];
//   - match: the share of the question's search terms found in the cited text;
//   - trust: the mean trust score of the cited sources, over 100.
// A reply that cites nothing (small talk, answers about the conversation, "I don't know", a
// model answer naming no source) stands on no knowledge: 0. The index's raw relevance scores
// are not used: bm25 (SQLite) and ts_rank_cd (PostgreSQL) are on no common scale, and they move
// with the rest of the corpus; the terms a passage holds do not.
import { splitSentences } from "../text/sentences";
import { indexTerms, queryTerms } from "../text/tokenize";
import type { Reply } from "./builtin-engine";

export type Grounding = { value: number; coverage: number; match: number; trust: number };

const MARKER = /\[(\d{1,3})\]/g;
/** Citation markers at the start of a sentence close the sentence before it: "… Deimos. [1] Its day …". */
const LEADING_MARKERS = /^(?:\s*\[\d{1,3}\])+/;

export function measureGrounding(question: string, reply: Reply): Grounding {
  const cited = new Set(reply.citations.map((c) => c.n));
  if (!cited.size) return { value: 0, coverage: 0, match: 0, trust: 0 };

  const sentences: { text: string; cites: boolean }[] = [];
  for (const sentence of splitSentences(reply.text)) {
    const leading = LEADING_MARKERS.exec(sentence)?.[0] ?? "";
    if (leading && sentences.length && citesAny(leading, cited)) sentences[sentences.length - 1].cites = true;
    const rest = sentence.slice(leading.length);
    if (/[\p{L}\p{N}]/u.test(rest)) sentences.push({ text: rest, cites: citesAny(rest, cited) });
  }
  const coverage = sentences.length ? sentences.filter((s) => s.cites).length / sentences.length : 0;

  // The question's words as search looks them up (each as any stem it may have), found in the
  // cited text as the index holds it: the same tokenizer, so "moons" and "moon" agree in any language.
  const words = queryTerms(question);
  const found = new Set(reply.citations.flatMap((c) => indexTerms(`${c.title} ${c.snippet}`)));
  const match = words.length ? words.filter((w) => w.terms.some((t) => found.has(t))).length / words.length : 0;

  const trust = reply.citations.reduce((sum, c) => sum + Math.min(100, Math.max(0, c.trust_score)), 0) / reply.citations.length / 100;
  return { value: round(coverage * match * trust), coverage: round(coverage), match: round(match), trust: round(trust) };
}

function citesAny(text: string, cited: Set<number>): boolean {
  for (const m of text.matchAll(MARKER)) if (cited.has(Number(m[1]))) return true;
  return false;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
