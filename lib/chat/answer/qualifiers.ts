// Ways a sentence can share a question's words and still not answer it:
//  - it is about another one of the same thing: "when was the FIRST version released?" is not
//    answered by "LATEST version: 3.2, released on 11 March 2024";
//  - it names what is counted but gives no number of it ("how many cars": "Car and driver: £3.50");
//  - it states a dimension of something else ("how long is the boat": "The crossing is 180 metres");
//  - it does not say what happened: "when was the cable car built?" is not answered by a
//    sentence naming the cable car and a date for something else. In English a question about a
//    date asks about the event its past participle names ("built", "released", "founded"), so
//    that word must be in the sentence (or a word for it: related.ts, an irregular form).
import type { Evidence } from "./evidence";
import type { QueryWord, QuestionPart } from "./question";
import { irregularBase } from "./lemmas";
import { dimensionNamed, DURATION_WORDS, lightness, namesDimension, unitHolds } from "./attributes";
import { says } from "./holds";
import type { Lang } from "./terms";
import { alternativesOf } from "./terms";
import { isNumber } from "./values";
import { tokens } from "../../text/tokenize";

const FIRST = new Set(["first", "original", "earliest", "initial", "primer", "primera", "primero", "premier", "première", "erste", "ersten", "erster", "первый", "первая", "первое", "первой", "أول", "第一", "最初", "初代"]);
const LAST = new Set(["last", "latest", "newest", "current", "final", "recent", "último", "última", "actual", "dernier", "dernière", "actuel", "actuelle", "letzte", "letzten", "neueste", "aktuelle", "последний", "последняя", "последнее", "нынешний", "آخر", "أحدث", "最新", "最后", "最後", "現在"]);

/** The sentence speaks of the other end of a series than the question ("first" / "latest"). */
export function otherOfSeries(words: readonly QueryWord[], e: Evidence): boolean {
  const asks = (set: Set<string>) => words.some((w) => set.has(w.word));
  const says = (set: Set<string>) => [...set].some((w) => e.terms.has(w));
  if (asks(FIRST) && !asks(LAST)) return says(LAST) && !says(FIRST);
  if (asks(LAST) && !asks(FIRST)) return says(FIRST) && !says(LAST);
  return false;
}

const DATED: QuestionPart["type"][] = ["date", "year", "time"];

/** The English past participles a question about a date asks about ("built", "released"). */
export function eventWords(part: QuestionPart, lang: string): QueryWord[] {
  if (lang !== "en" || !DATED.includes(part.type)) return [];
  return part.words.filter((w) => !w.capitalized && lightness(w.word) === 1 && (/^[a-z]{3,}ed$/.test(w.word) || irregularBase(w.word) !== undefined));
}

/**
 * "How many cars": a sentence that names cars answers only with a number of them ("takes up to
 * 12 cars", not "Car and driver: £3.50" or "20 car tickets"). A sentence that does not name them
 * is left to the other checks (a word for the same thing may be counted: "600 workers").
 */
export function countsIt(e: Evidence, counted: QueryWord): boolean {
  const words = tokens(e.text);
  // The word itself, not the words related to it: "employs" is not a count of workers.
  const own = alternativesOf(counted.word, e.lang);
  let named = false;
  for (const [i, t] of words.entries()) {
    if (!alternativesOf(t.word, e.lang).some((term) => own.includes(term))) continue;
    named = true;
    // In English many of a thing are plural: "20 car tickets" counts tickets, not cars.
    const describes = e.lang === "en" && counted.word.endsWith("s") && !t.word.endsWith("s");
    if (!describes && words.slice(Math.max(0, i - 3), i).some((b) => isNumber(b.word))) return true;
  }
  return !named;
}

/** A sentence that begins by referring back ("It is 96 metres long", "She takes 12 cars"). */
const REFERS_BACK: Partial<Record<Lang, RegExp>> = {
  en: /^(?:it|its|it's|she|her|he|his|they|their|this|these)\b/iu,
  fr: /^(?:il|elle|ils|elles|son|sa|ses|leur|leurs|c'est|ce|cet|cette)\b/iu,
  de: /^(?:er|sie|es|sein|seine|seiner|seinen|ihr|ihre|ihrer|ihren|dieser|diese|dieses)\b/iu,
  ru: /^(?:он|она|оно|они|его|её|ее|их|этот|эта|это)(?![\p{L}\p{N}])/iu,
};

/**
 * A dimension stated only by its unit, in a sentence that names neither the subject nor
 * anything else asked, and does not refer back to it, measures something else: on the ferry's
 * page "The crossing itself is 180 metres" is not the boat's length. (Languages that drop the
 * pronoun, or mark none, are given the benefit.)
 */
export function measuredElsewhere(focus: QueryWord[], e: Evidence): boolean {
  const refersBack = REFERS_BACK[e.lang];
  if (!refersBack || refersBack.test(e.text.replace(/^[^\p{L}\p{N}]+/u, ""))) return false;
  const byUnit = focus.some((w) => namesDimension(w.word) && !says(e, w) && !dimensionNamed(w.word, e) && unitHolds(w.word, e) && !DURATION_WORDS.has(w.word));
  return byUnit && !focus.some((w) => !namesDimension(w.word) && says(e, w));
}
