// The words the answer engine compares, from the one tokenizer (lib/text/tokenize.ts): a
// question's content words with the terms each may be indexed as, and a sentence's terms in
// its language. Kept here so the engine reads one vocabulary: what matches in search matches here.
import { detectLanguage, indexTerms, isStopWord, queryTerms, tokens, type Lang } from "../../text/tokenize";

export type { Lang };
export { detectLanguage };

export type Word = { word: string; start: number; end: number };

export function questionWords(text: string): Word[] {
  return tokens(text);
}

/** The terms a query word may be indexed as, or none for a stop-word. */
export function alternativesOf(word: string): string[] {
  if (isStopWord(word)) return [];
  return queryTerms(word)[0]?.terms ?? [];
}

/** A text's index terms and its plain words (stop-words too): "lang" in "3,2 Kilometer lang" counts. */
export function termSet(text: string, lang: Lang): Set<string> {
  const set = new Set(indexTerms(text, lang));
  for (const t of tokens(text)) set.add(t.word);
  return set;
}
