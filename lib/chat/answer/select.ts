// Which sentences answer which part of a question. A sentence answers a part only when it
// covers both what the question is about (its subject: the words the source's title or heading
// holds, and names written with a capital) and the attribute asked for (the part's other words,
// weighed by rarity: the weightiest of them and 60 % of their weight), and holds the kind of value
// asked for. Word overlap alone is not enough: "the boiling point of Korvath coolant" is not
// answered by a sentence about its flow rate, however many words they share.
import type { Evidence } from "./evidence";
import type { Question, QueryWord, QuestionPart } from "./question";
import { fitsType, valuesOf } from "./values";
import { lightness, unitHolds } from "./attributes";

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

/** Lower answers more paraphrases and more near misses: bench:answers measured 0.34, 0.5, 0.6, 0.75. */
const FOCUS_SHARE = 0.6;

export function selectAnswers(q: Question, evidence: Evidence[], weigh: Weigh): Selection {
  const questionWords = new Set(q.words.map((w) => w.word));
  const parts = q.parts.map((part) => answerPart(q, part, evidence, weigh, questionWords));
  const subject = subjectOf(q, evidence[0]);
  return { parts, subject, nearby: parts.every((p) => p.found.length) ? null : nearest(q, evidence, weigh) };
}

function covers(set: Set<string>, w: QueryWord): boolean {
  return w.terms.some((t) => set.has(t));
}

/** The question's words that name its subject, as read against one source. */
function subjectOf(q: Question, e: Evidence | undefined): QueryWord[] {
  if (!e) return q.words.filter((w) => w.capitalized && q.lang !== "de");
  // German writes every noun with a capital: there a capital says nothing about names.
  return q.words.filter((w) => (w.capitalized && q.lang !== "de") || covers(e.context, w));
}

/** Every term of each source's retrieved passages: a source about the subject may name it once. */
function sourceTerms(evidence: Evidence[]): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const e of evidence) {
    const set = out.get(e.hit.artifact_id) ?? new Set(e.context);
    for (const t of e.terms) set.add(t);
    out.set(e.hit.artifact_id, set);
  }
  return out;
}

function answerPart(q: Question, part: QuestionPart, evidence: Evidence[], weigh: Weigh, questionWords: Set<string>): PartAnswer {
  const best = new Map<number, Finding>();
  const sources = sourceTerms(evidence);
  for (const e of evidence) {
    const subject = subjectOf(q, e);
    const source = sources.get(e.hit.artifact_id)!;
    if (!subject.every((w) => covers(e.terms, w) || covers(source, w))) continue;
    const focus = part.words.filter((w) => !subject.includes(w));
    const coverage = focusCoverage(focus, e, weigh, part.type === "yesno");
    if (coverage === null) continue;
    const inSentence = subject.length ? subject.filter((w) => covers(e.terms, w)).length / subject.length : 1;
    // Nothing asked beyond the subject ("what is Korvath coolant?"): a sentence that names it.
    if (!focus.length && !inSentence) continue;
    if (!fitsType(part.type, e.text, e.lang, questionWords)) continue;
    const score = 2 * coverage + inSentence + 0.5 / (e.rank + 1);
    const prev = best.get(e.hit.artifact_id);
    if (!prev || score > prev.score) best.set(e.hit.artifact_id, { evidence: e, score, values: valuesOf(part.type, e.text, questionWords) });
  }
  const found = [...best.values()].sort((a, b) => b.score - a.score || a.evidence.rank - b.evidence.rank);
  return { part, found, conflict: disagree(part, found) };
}

/**
 * The weighted share of the attribute's words the sentence holds, or null when that is not
 * enough: every word for a yes/no question; otherwise the weightiest word and FOCUS_SHARE of the weight.
 */
function focusCoverage(focus: QueryWord[], e: Evidence, weigh: Weigh, all: boolean): number | null {
  if (!focus.length) return 1;
  let total = 0;
  let held = 0;
  let heaviest: QueryWord = focus[0];
  const holds = (w: QueryWord) => covers(e.terms, w) || unitHolds(w.word, e.text);
  const weightOf = (w: QueryWord) => weigh(w) * lightness(w.word);
  for (const w of focus) {
    const weight = weightOf(w);
    total += weight;
    if (holds(w)) held += weight;
    if (weight > weightOf(heaviest)) heaviest = w;
  }
  const share = total ? held / total : 0;
  if (all ? share < 0.999 : share < FOCUS_SHARE || !holds(heaviest)) return null;
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
    if (!subject.length || !subject.every((w) => covers(e.terms, w) || covers(e.context, w))) continue;
    if (!subject.some((w) => covers(e.terms, w))) continue;
    const rest = q.words.filter((w) => !subject.includes(w));
    const held = rest.reduce((s, w) => s + (covers(e.terms, w) ? weigh(w) : 0), 0);
    const score = held + subject.filter((w) => covers(e.terms, w)).length * 0.1 + 0.3 / (e.rank + 1);
    if (!best || score > best.score) best = { e, score };
  }
  return best?.e ?? null;
}
