// The words the answer engine compares, from the one tokenizer (lib/text/tokenize.ts): a
// question's content words with the terms each may be indexed as, and a sentence's terms in
// its language. Kept here so the engine reads one vocabulary: what matches in search matches here.
// Two things are added to what the index holds, for comparing a question with a sentence only:
// the parts of hyphenated words ("best-known" holds "known"; "a-t-il" is "a", "t", "il", all
// stop-words) and the base of irregular English verb forms ("spoken" also reads as "speak").
import { detectLanguage, indexTerms, isStopWord, queryTerms, tokens, wordTerms, type Lang } from "../../text/tokenize";
import { irregularBase } from "./lemmas";

export type { Lang };
export { detectLanguage };

export type Word = { word: string; start: number; end: number };

const JOINED = /[-_]/;

/** The question's words, hyphenated ones as their parts (each part at its own place). */
export function questionWords(text: string): Word[] {
  const out: Word[] = [];
  for (const t of tokens(text)) {
    if (!JOINED.test(t.word)) {
      out.push(t);
      continue;
    }
    const raw = text.slice(t.start, t.end);
    let at = 0;
    for (const piece of raw.split(JOINED)) {
      for (const p of tokens(piece)) out.push({ word: p.word, start: t.start + at + p.start, end: t.start + at + p.end });
      at += piece.length + 1;
    }
  }
  return out;
}

const known = new Map<string, string[]>();

/**
 * The terms a query word may be indexed as (and those of its base form), or none for a
 * stop-word. In an English question only English stop-words are dropped: "die" in "when did
 * she die" is the question's point, not the German article. Other languages drop the
 * stop-words of every language, as their detection from a short question is less sure.
 */
export function alternativesOf(word: string, lang?: Lang): string[] {
  const own = lang === "en";
  const key = own ? `en:${word}` : word;
  let terms = known.get(key);
  if (!terms) {
    // Remembered: questions reuse their words, and stemming in every language the script allows is the costly part.
    if (known.size >= 20_000) known.clear();
    known.set(key, (terms = computeAlternatives(word, own ? "en" : undefined)));
  }
  return terms;
}

function computeAlternatives(word: string, lang: Lang | undefined): string[] {
  if (isStopWord(word, lang)) return [];
  // queryTerms would read a lone "die" as German and drop it again.
  const terms = withRussianStem(lang ? wordTerms(word) : (queryTerms(word)[0]?.terms ?? []));
  const base = irregularBase(word);
  return base ? [...new Set([...terms, ...(queryTerms(base)[0]?.terms ?? [])])] : terms;
}

const CYRILLIC_STEM_END = /^(\p{Script=Cyrillic}{3,})[аеиоуыэюяй]$/u;

/**
 * The Russian stemmer leaves a vowel on some forms and not on others ("музея" → "музе",
 * "музей" → "муз"): a stem ending in a vowel may also be found without it.
 */
function withRussianStem(terms: string[]): string[] {
  const extra = terms.map((t) => CYRILLIC_STEM_END.exec(t)?.[1]).filter((t): t is string => !!t);
  return extra.length ? [...new Set([...terms, ...extra])] : terms;
}

/** A text's index terms and its plain words (stop-words too): "lang" in "3,2 Kilometer lang" counts. */
export function termSet(text: string, lang: Lang): Set<string> {
  const set = new Set(indexTerms(text, lang));
  for (const t of tokens(text)) {
    set.add(t.word);
    if (JOINED.test(t.word)) {
      for (const part of t.word.split(JOINED)) if (part) set.add(part);
      for (const term of indexTerms(t.word.replace(/[-_]+/g, " "), lang)) set.add(term);
    }
    const base = lang === "en" ? irregularBase(t.word) : undefined;
    if (base) for (const term of indexTerms(base, lang)) set.add(term);
  }
  return set;
}
