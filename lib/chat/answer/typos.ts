// A question word misspelt ("desgined") or in a form the stemmer leaves apart from the
// sentence's ("grammatical" / "grammar"): one edit away (an insertion, deletion, substitution
// or swap of two neighbouring letters), two for long words. Only for the attribute asked about:
// the subject must be named as written, so a near-identical name is never taken for another.
// In German a word also holds the last part of a compound; in Japanese a kanji stem its inflections.
import distance from "damerau-levenshtein";

/** Shorter terms are too often one letter away from an unrelated word ("cost" / "coat"). */
const MIN_LENGTH = 6;
const LONG = 9;

/** German joins nouns: "Straße" is in "Mühlenstraße", "Kabine" in "Gondelkabinen". */
const COMPOUND_PART = 5;

/** Japanese inflects a verb in kana after its kanji stem: "作" (make) is in "作り" and "作った", not in "木彫り"'s "木". */
const KANJI_STEM = /^\p{Script=Han}+$/u;
const OKURIGANA = /^\p{Script=Hiragana}+$/u;

export function nearlyHolds(sentence: ReadonlySet<string>, terms: readonly string[], lang?: string): boolean {
  for (const term of terms) {
    if (lang === "ja" && KANJI_STEM.test(term)) for (const t of sentence) if (t.startsWith(term) && OKURIGANA.test(t.slice(term.length))) return true;
    if (lang === "de" && term.length >= COMPOUND_PART) for (const t of sentence) if (t.length > term.length && t.endsWith(term)) return true;
    if (term.length < MIN_LENGTH) continue;
    const limit = term.length >= LONG ? 2 : 1;
    for (const t of sentence) {
      // Cheap filters first: most words differ in their first letter or in length.
      if (t[0] !== term[0] || Math.abs(t.length - term.length) > limit || t.length < MIN_LENGTH) continue;
      if (distance(term, t).steps <= limit) return true;
    }
  }
  return false;
}
