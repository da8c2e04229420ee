// Scoring and reporting for `npm run bench:answers`: one verdict per question, the rates per
// set and per language, the targets, and why each failing question failed.
import { fold, LANGS, type AnswerQuestion, type Lang, type QuestionSet } from "./fixtures";

export type Status = "answered" | "partial" | "unknown" | "error";

export type Verdict = {
  id: string;
  set: QuestionSet;
  lang: Lang;
  kind: AnswerQuestion["kind"];
  question: string;
  status: Status;
  text: string;
  /** Document files of the reply's citations, in citation order. */
  cited: string[];
  /** Answer-bearing questions (answerable, partial, conflict). */
  correct?: boolean;
  rightCitation?: boolean;
  falseDontKnow?: boolean;
  /** Unanswerable questions. */
  honest?: boolean;
  /** An honest don't-know that cites a document other than the near subject (informational). */
  offSubject?: boolean;
  pass: boolean;
  reasons: string[];
};

export const LANG_NAMES: Record<Lang, string> = { en: "English", es: "Spanish", fr: "French", de: "German", ru: "Russian", ar: "Arabic", zh: "Chinese", ja: "Japanese" };

export const TARGETS = { rightCitation: 95, honest: 95, falseDontKnow: 5, langGap: 5 };

export function judge(q: AnswerQuestion, set: QuestionSet, reply: { status: Status; text: string; cited: string[] }): Verdict {
  const base = { id: q.id, set, lang: q.lang, kind: q.kind, question: q.question, status: reply.status, text: reply.text, cited: reply.cited };
  const citedList = reply.cited.length ? [...new Set(reply.cited)].join(", ") : "nothing";
  if (reply.status === "error") return { ...base, pass: false, reasons: [`engine threw: ${reply.text}`], ...(q.kind === "unanswerable" ? { honest: false } : { correct: false, rightCitation: false, falseDontKnow: false }) };

  if (q.kind === "unanswerable") {
    const honest = reply.status === "unknown";
    const offSubject = honest && reply.cited.some((f) => f !== q.about);
    return { ...base, honest, offSubject, pass: honest, reasons: honest ? [] : [`answered an unanswerable question (status ${reply.status}) citing ${citedList}`] };
  }

  const text = fold(reply.text);
  const sources = q.sources ?? [];
  const expect = q.expect ?? [];
  const spoke = reply.status !== "unknown";
  const reasons: string[] = [];
  const falseDontKnow = !spoke;
  if (falseDontKnow) reasons.push("said don't know");

  let rightCitation: boolean;
  let hasText: boolean;
  if (q.kind === "conflict") {
    rightCitation = spoke && sources.every((s) => reply.cited.includes(s));
    const missing = expect.filter((e) => !text.includes(fold(e)));
    hasText = missing.length === 0;
    if (spoke && !rightCitation) reasons.push(`did not cite every disagreeing source: cited ${citedList}, expected ${sources.join(" and ")}`);
    if (spoke && !hasText) reasons.push(`expected text missing: ${missing.map((m) => `"${m}"`).join(", ")} (a conflict names every value)`);
  } else {
    rightCitation = spoke && reply.cited.some((f) => sources.includes(f));
    hasText = expect.some((e) => text.includes(fold(e)));
    if (spoke && !rightCitation) reasons.push(`wrong citation: cited ${citedList}, expected ${sources.join(" or ")}`);
    if (spoke && !hasText) reasons.push(`expected text missing (one of ${expect.map((e) => `"${e}"`).join(", ")})`);
  }
  let correct = spoke && hasText && (q.kind !== "conflict" || rightCitation);
  if (q.kind === "partial" && spoke && reply.status !== "partial") {
    correct = false;
    reasons.push(`status ${reply.status}: only part of this question is answerable (expected partial)`);
  }
  return { ...base, correct, rightCitation, falseDontKnow, pass: correct && rightCitation, reasons };
}

export type Rates = {
  n: number;
  answerBearing: number;
  unanswerable: number;
  correct: number;
  rightCitation: number;
  honest: number;
  falseDontKnow: number;
};

export function rates(vs: Verdict[]): Rates {
  const bearing = vs.filter((v) => v.kind !== "unanswerable");
  const un = vs.filter((v) => v.kind === "unanswerable");
  const count = (xs: Verdict[], f: (v: Verdict) => boolean | undefined) => xs.filter((v) => f(v)).length;
  return {
    n: vs.length,
    answerBearing: bearing.length,
    unanswerable: un.length,
    correct: count(bearing, (v) => v.correct),
    rightCitation: count(bearing, (v) => v.rightCitation),
    honest: count(un, (v) => v.honest),
    falseDontKnow: count(bearing, (v) => v.falseDontKnow),
  };
}

/** Percentage (one decimal), or null when there is nothing to measure. */
export const pct = (k: number, n: number) => (n ? Math.round((1000 * k) / n) / 10 : null);
const cell = (k: number, n: number) => (n ? `${((100 * k) / n).toFixed(1)} % (${k}/${n})` : "–");

export function rateCells(r: Rates): string[] {
  return [String(r.n), cell(r.correct, r.answerBearing), cell(r.rightCitation, r.answerBearing), cell(r.honest, r.unanswerable), cell(r.falseDontKnow, r.answerBearing)];
}

/** Which targets a group misses, in words. */
export function missedTargets(label: string, r: Rates): string[] {
  const out: string[] = [];
  const rc = pct(r.rightCitation, r.answerBearing);
  const hd = pct(r.honest, r.unanswerable);
  const fd = pct(r.falseDontKnow, r.answerBearing);
  if (rc !== null && rc < TARGETS.rightCitation) out.push(`${label}: right citation ${rc} % (target ≥ ${TARGETS.rightCitation} %)`);
  if (hd !== null && hd < TARGETS.honest) out.push(`${label}: honest don't-know ${hd} % (target ≥ ${TARGETS.honest} %)`);
  if (fd !== null && fd > TARGETS.falseDontKnow) out.push(`${label}: false don't-know ${fd} % (target ≤ ${TARGETS.falseDontKnow} %)`);
  return out;
}

/** How far a language falls behind English on each rate (points; only the worse direction counts). */
export function gapsToEnglish(lang: Rates, en: Rates): { metric: string; points: number }[] {
  const gaps: { metric: string; points: number }[] = [];
  const worse = (metric: string, l: number | null, e: number | null, higherIsBetter: boolean) => {
    if (l === null || e === null) return;
    const points = Math.round((higherIsBetter ? e - l : l - e) * 10) / 10;
    if (points > TARGETS.langGap) gaps.push({ metric, points });
  };
  worse("answered correctly", pct(lang.correct, lang.answerBearing), pct(en.correct, en.answerBearing), true);
  worse("right citation", pct(lang.rightCitation, lang.answerBearing), pct(en.rightCitation, en.answerBearing), true);
  worse("honest don't-know", pct(lang.honest, lang.unanswerable), pct(en.honest, en.unanswerable), true);
  worse("false don't-know", pct(lang.falseDontKnow, lang.answerBearing), pct(en.falseDontKnow, en.answerBearing), false);
  return gaps;
}

export function byLanguage(vs: Verdict[]) {
  return LANGS.map((lang) => ({ lang, rates: rates(vs.filter((v) => v.lang === lang)) })).filter((l) => l.rates.n > 0);
}

/** Reply text on one line, shortened. */
export const excerpt = (s: string, max = 160) => {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};
