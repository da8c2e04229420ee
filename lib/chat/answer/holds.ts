// What a sentence holds of a question's words, and whether it is about the question's subject.
// Terms come from the one tokenizer; Chinese and Japanese words are also found in a sentence's
// characters, since the segmenter may cut the question and the source differently.
import type { Evidence } from "./evidence";
import type { QueryWord } from "./question";
import type { Lang } from "./terms";

export function covers(set: Set<string>, w: QueryWord): boolean {
  return w.terms.some((t) => set.has(t));
}

/**
 * Chinese and Japanese words, which a segmenter may cut otherwise in the source ("场长" as
 * "场", "长"). A single Japanese kanji is often part of another word ("木" in "木彫り", carved
 * in wood, says nothing of which wood): there two characters or more.
 */
const CJK_WORD = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]+$/u;

function inText(text: string, w: QueryWord, lang: Lang): boolean {
  return CJK_WORD.test(w.word) && (w.word.length > 1 || lang === "zh") && text.includes(w.word);
}

/** The sentence holds the word: one of its terms, or for Chinese and Japanese its characters in a row. */
export function says(e: Evidence, w: QueryWord): boolean {
  return covers(e.terms, w) || inText(e.text, w, e.lang);
}

/** The first letters of a title's words: "Hesketh Vale Rowing Club" → "hvrc", which "RC" stands in. */
function initials(title: string): string {
  return (title.match(/\p{L}+/gu) ?? []).map((word) => word[0].toLowerCase()).join("");
}

/** The source's title or the sentence's heading holds the word (or its initials, for "RC"). */
export function titled(e: Evidence, w: QueryWord): boolean {
  return covers(e.context, w) || inText(e.hit.title, w, e.lang) || (w.acronym && initials(e.hit.title).includes(w.word));
}

/** Every term of each source's retrieved passages. */
export function sourceTerms(evidence: Evidence[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const e of evidence) {
    const set = out.get(e.hit.artifact_id) ?? new Set(e.context);
    for (const t of e.terms) set.add(t);
    out.set(e.hit.artifact_id, set);
  }
  return out;
}

/**
 * The sentence is about the subject: it names it, its source's title or heading does, or the
 * sentence before it does ("The SS Calder Vane was built in 1908. She was 104 metres long.").
 * A name said in part is enough when the source says the rest ("the society's archive" on a
 * page about the Ilvenmark Historical Society); named only elsewhere in the source is not:
 * "Its boathouse … still stands on Towpath Row" does not say who built the boat the page
 * mentions further on.
 */
export function coversSubject(e: Evidence, subject: QueryWord[], source: Set<string>): boolean {
  const near = (w: QueryWord) => says(e, w) || titled(e, w) || covers(e.previous, w);
  if (!subject.length) return true;
  return subject.some(near) && subject.every((w) => near(w) || covers(source, w));
}

