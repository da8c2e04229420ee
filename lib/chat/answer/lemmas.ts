// English verbs whose forms the stemmer cannot bring together ("spoken" and "speak", "kept" and
// "keep", "led" and "lead"): WordNet's list of irregular verb forms, as wink-lexicon ships it.
// Snowball stems regular forms well in every supported language; irregular English verbs are
// where a question and its answer most often use different forms of one word.
import verbExceptions from "wink-lexicon/src/wn-verb-exceptions.js";

const base = verbExceptions as Record<string, string>;

/** The base form of an irregular English verb form ("spoken" → "speak"), or undefined. */
export function irregularBase(word: string): string | undefined {
  const b = Object.hasOwn(base, word) ? base[word] : undefined;
  return b && b !== word ? b : undefined;
}
