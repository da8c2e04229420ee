// Which sentences answer which part of a question. A sentence answers a part only when it
// covers both what the question is about (its subject: the words the source's title or heading
// holds, and names written with a capital) and the attribute asked for (the part's other words,
// weighed by rarity: the weightiest of them and 60 % of their weight), and holds the kind of value
// asked for. Word overlap alone is not enough: "the boiling point of Korvath coolant" is not
// answered by a sentence about its flow rate, however many words they share.
import type { Evidence } from "./evidence";
import type { Question, QueryWord, QuestionPart } from "./question";
import { fitsType, valuesOf } from "./values";
import { lightness, namesMeasure, oppositesOf, unitHolds } from "./attributes";
import { nearlyHolds } from "./typos";
import { countsIt, eventWords, measuredElsewhere, otherOfSeries } from "./qualifiers";
import { coversSubject, says, sourceTerms, titled } from "./holds";

export type Finding = { evidence: Evidence; score: number; values: string[] };
export type PartAnswer = {
  part: QuestionPart;
  /** The best qualifying sentence of each source, best first. */
  found: Finding[];
  /** Two or more sources answer it with different values. */
  conflict: boolean;
};
export type Selection = { parts: PartAnswer[]; subject: QueryWord[]; nearby: Evidence | null };
export type Weigh = (w: QueryWord) => number;

/** Chinese and Japanese words are cut by a segmenter that may join them to their neighbours. */
const HAN = /\p{Script=Han}/u;

/** Lower answers more paraphrases and more near misses: bench:answers measured 0.34, 0.5, 0.6, 0.75. */
const FOCUS_SHARE = 0.6;

export function selectAnswers(q: Question, evidence: Evidence[], weigh: Weigh): Selection {
  const questionWords = new Set(q.words.map((w) => w.word));
  const parts = q.parts.map((part) => answerPart(q, part, evidence, weigh, questionWords));
  const subject = subjectOf(q, evidence[0]);
  return { parts, subject, nearby: parts.every((p) => p.found.length) ? null : nearest(q, evidence, weigh) };
}

/** The question's words that name its subject, as read against one source. */
function subjectOf(q: Question, e: Evidence | undefined): QueryWord[] {
  if (!e) return q.words.filter((w) => (w.capitalized && q.lang !== "de") || w.namesHead);
  // German writes every noun with a capital: there a capital says nothing about names.
  return q.words.filter((w) => (w.capitalized && q.lang !== "de") || w.namesHead || titled(e, w));
}

const NUMBER_WORD = /^\p{N}+$/u;

function answerPart(q: Question, part: QuestionPart, evidence: Evidence[], weigh: Weigh, questionWords: Set<string>): PartAnswer {
  const best = new Map<number, Finding>();
  // A word one source's title names the subject by ("Brauerei") names it in every source: the
  // cable car's page answers where the cable car is, not where the brewery is.
  const named = q.words.filter((w) => evidence.some((e) => titled(e, w)));
  const sources = sourceTerms(evidence);
  for (const e of evidence) {
    const own = subjectOf(q, e);
    const subject = [...own, ...named.filter((w) => !own.includes(w))];
    if (!coversSubject(e, subject, sources.get(e.hit.artifact_id)!)) continue;
    // A number the question names ("the 41 bus", "Pell 3", "in 2019") is part of what it asks about.
    if (!part.words.every((w) => !NUMBER_WORD.test(w.word) || says(e, w) || titled(e, w))) continue;
    // "Without half board": a sentence about half board, not saying without, answers another question.
    if (part.words.some((w) => w.without && says(e, w) && !e.text.toLowerCase().includes(w.without))) continue;
    const focus = part.words.filter((w) => !subject.includes(w) && !w.without);
    if (otherOfSeries(part.words, e) || !eventWords(part, q.lang).every((w) => says(e, w) || nearlyHolds(e.terms, w.terms, e.lang))) continue;
    const coverage = focusCoverage(focus, e, weigh, part.type === "yesno", subject.length > 0);
    if (coverage === null) continue;
    const inSentence = subject.length ? subject.filter((w) => says(e, w)).length / subject.length : 1;
    // Nothing asked beyond the subject ("what is Korvath coolant?"): a sentence that names it.
    if (!focus.length && !inSentence) continue;
    if (!inSentence && measuredElsewhere(focus, e)) continue;
    if (!fitsType(part.type, e.text, e.lang, questionWords)) continue;
    if (part.counted && !countsIt(e, part.counted)) continue;
    const score = 2 * coverage + inSentence + 0.5 / (e.rank + 1);
    const prev = best.get(e.hit.artifact_id);
    if (!prev || score > prev.score) best.set(e.hit.artifact_id, { evidence: e, score, values: valuesOf(part.type, e.text, questionWords) });
  }
  const found = [...best.values()].sort((a, b) => b.score - a.score || a.evidence.rank - b.evidence.rank);
  return { part, found, conflict: disagree(part, found) };
}

/**
 * The weighted share of the attribute's words the sentence holds, or null when that is not
 * enough: every word for a yes/no question; otherwise FOCUS_SHARE of the weight, and the weightiest
 * word or, when the subject is named apart, two of the words ("600 workers were employed during
 * construction" answers how many workers were employed building the bridge).
 */
function focusCoverage(focus: QueryWord[], e: Evidence, weigh: Weigh, all: boolean, named: boolean): number | null {
  if (!focus.length) return 1;
  const holds = (w: QueryWord) =>
    says(e, w) || unitHolds(w.word, e) || nearlyHolds(e.terms, w.terms, e.lang) || (all && oppositesOf(w.word).some((o) => e.terms.has(o) || (HAN.test(o) && e.text.includes(o))));
  // A measure asked for by name ("how long", "高さ") is stated by its unit or not at all.
  if (focus.some((w) => namesMeasure(w.word) && !holds(w))) return null;
  // Only light words beyond the subject ("when is Wendmere Lantern Night held?"): the kind of
  // value asked for (a date) is what the sentence must hold, and fitsType checks that.
  if (focus.every((w) => lightness(w.word) < 1)) return 1;
  const weightOf = (w: QueryWord) => weigh(w) * lightness(w.word);
  let total = 0;
  let held = 0;
  let heaviest: { w: QueryWord; weight: number; held: boolean } | null = null;
  const heldTerms = new Set<string>();
  let heldWords = 0;
  for (const w of focus) {
    const weight = weightOf(w);
    const has = holds(w);
    total += weight;
    if (has) {
      held += weight;
      // Two words of one group ("ticket", "cost") are one attribute, not two.
      if (!w.terms.some((t) => heldTerms.has(t))) heldWords++;
      for (const t of w.terms) heldTerms.add(t);
    }
    // On a tie the word the sentence lacks decides: when unsure, say "I don't know".
    if (!heaviest || weight > heaviest.weight || (weight === heaviest.weight && !has)) heaviest = { w, weight, held: has };
  }
  const share = total ? held / total : 0;
  // A yes/no question is answered by a sentence that states every word it asks about; a light
  // word ("can I bring my dog": "bring") is how it asks, not what.
  if (all) return focus.every((w) => lightness(w.word) < 1 || holds(w)) ? share : null;
  if (share < FOCUS_SHARE || (!heaviest!.held && !(named && heldWords >= 2))) return null;
  return share;
}

/** Sources that each fully answer with values that have nothing in common. */
function disagree(part: QuestionPart, found: Finding[]): boolean {
  if (found.length < 2 || part.type === "yesno" || part.type === "other") return false;
  const [a, b] = found;
  if (!a.values.length || !b.values.length) return false;
  return !a.values.some((v) => b.values.includes(v));
}

/** What the sources do say about the subject: the sentence naming it that comes closest to the question. */
function nearest(q: Question, evidence: Evidence[], weigh: Weigh): Evidence | null {
  let best: { e: Evidence; score: number } | null = null;
  for (const e of evidence) {
    const subject = subjectOf(q, e);
    if (!subject.length || !subject.every((w) => says(e, w) || titled(e, w))) continue;
    if (!subject.some((w) => says(e, w))) continue;
    const rest = q.words.filter((w) => !subject.includes(w));
    const held = rest.reduce((s, w) => s + (says(e, w) ? weigh(w) : 0), 0);
    const score = held + subject.filter((w) => says(e, w)).length * 0.1 + 0.3 / (e.rank + 1);
    if (!best || score > best.score) best = { e, score };
  }
  return best?.e ?? null;
}
