// The sentences a passage offers as evidence: Markdown headings are context, not sentences
// (a heading says what the lines under it are about), list markers are not part of a sentence,
// and every sentence knows its terms and its context (the source's title and section heading).
import { LRUCache } from "lru-cache";
import type { SearchHit } from "../../knowledge/search";
import { splitSentences } from "../../text/sentences";
import { detectLanguage, termSet, type Lang } from "./terms";

export type Evidence = {
  hit: SearchHit;
  /** The passage's place in the retrieved list, 0 for the best. */
  rank: number;
  text: string;
  terms: Set<string>;
  /** Terms of the source's title and of the heading the sentence is under. */
  context: Set<string>;
  /** Terms of the sentence before it in the passage, which "it" and "she" may refer to (empty for the first). */
  previous: Set<string>;
  lang: Lang;
};

const HEADING = /^\s{0,3}#{1,6}\s+/;
const LIST_MARKER = /^\s*(?:[-*+•·]|\p{N}{1,3}[.)])\s+/u;

type Sentence = Omit<Evidence, "hit" | "rank">;

/**
 * Each passage's sentences with their terms, by passage: a passage's text never changes (an edit
 * makes new passages), and the passages people ask about come back again and again.
 */
const read = new LRUCache<string, Sentence[]>({ max: 5_000 });

export function evidenceFrom(hits: SearchHit[]): Evidence[] {
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    // The title is part of the key: it is the context of every sentence, and a rename keeps the passages.
    const key = `${hit.chunk_id}\u0000${hit.title}\u0000${hit.content}`;
    let sentences = read.get(key);
    if (!sentences) read.set(key, (sentences = sentencesOf(hit)));
    for (const s of sentences) out.push({ ...s, hit, rank });
  });
  return out;
}

function sentencesOf(hit: SearchHit): Sentence[] {
  const out: Sentence[] = [];
  const lang = detectLanguage(`${hit.title}\n${hit.content}`);
  const title = termSet(hit.title, lang);
  let context = title;
  let previous = new Set<string>();
  for (const line of hit.content.split("\n")) {
    const heading = HEADING.exec(line);
    if (heading) {
      context = new Set([...title, ...termSet(line.slice(heading[0].length), lang)]);
      previous = new Set();
      continue;
    }
    for (const sentence of splitSentences(line.replace(LIST_MARKER, ""))) {
      const text = sentence.trim();
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      const terms = termSet(text, lang);
      out.push({ text, terms, context, previous, lang });
      previous = terms;
    }
  }
  return out;
}
