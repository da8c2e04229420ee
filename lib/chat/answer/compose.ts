// The reply from what select.ts found: each quoted sentence with its own citation; a part no
// source answers said plainly ("I don't know the boiling point of Korvath coolant."), with what
// the sources do say about the subject; sources that disagree quoted side by side.
import type { Citation, Reply } from "../reply";
import type { Evidence } from "./evidence";
import type { Question, QueryWord, QuestionPart } from "./question";
import type { Finding, Selection } from "./select";
import { phrasesFor } from "./phrases";

const LOW_TRUST = 70;

export function composeReply(q: Question, sel: Selection): Reply {
  const say = phrasesFor(q.lang);
  const citations: Citation[] = [];
  const cite = (e: Evidence) => {
    let c = citations.find((x) => x.artifact_id === e.hit.artifact_id);
    if (!c) {
      const h = e.hit;
      c = { n: citations.length + 1, artifact_id: h.artifact_id, chunk_id: h.chunk_id, title: h.title, url: h.source_url, path: h.path, trust_score: h.trust_score, snippet: e.text, score: h.score };
      citations.push(c);
    }
    return c.n;
  };
  const quote = (e: Evidence) => endWith(e.text, cite(e), q.lang);

  const said: string[] = [];
  const missing: QuestionPart[] = [];
  for (const p of sel.parts) {
    if (!p.found.length) missing.push(p.part);
    else if (p.conflict) said.push(`${say.disagree} ${p.found.slice(0, 3).map((f) => quote(f.evidence)).join(" ")}`);
    else said.push(corroborated(p.found, quote, cite));
  }
  const subject = span(q.text, sel.subject);

  if (!said.length) {
    const parts = sel.nearby
      ? [dontKnow(q, q.parts.length === 1 ? q.parts[0] : null, sel.subject), `${subject ? say.sourcesOn(subject) : say.closest} ${quote(sel.nearby)}`]
      : [say.nothingCovers];
    parts.push(say.noted);
    return reply(parts.join(" "), citations, "unknown", undefined, q.lang);
  }
  if (missing.length) {
    said.push(...missing.map((p) => dontKnow(q, p, sel.subject)), say.noted);
    const unanswered = missing.map((p) => withSubject(q.text.slice(p.start, p.end), subject)).join("; ");
    return reply(said.join(" "), citations, "partial", unanswered, q.lang);
  }
  return reply(said.join(" "), citations, "answered", undefined, q.lang);
}

/**
 * The best sentence, and the citation of a second source that answers the same (the same values,
 * or none to compare): "… every 76 years. [1][2]", so a reader sees it is not one source's word.
 */
function corroborated(found: Finding[], quote: (e: Evidence) => string, cite: (e: Evidence) => number): string {
  const [best, next] = found;
  const text = quote(best.evidence);
  if (!next || next.values.length !== best.values.length || !next.values.every((v) => best.values.includes(v))) return text;
  return `${text}[${cite(next.evidence)}]`;
}

function reply(text: string, citations: Citation[], answerStatus: Reply["answerStatus"], unanswered: string | undefined, lang: Question["lang"]): Reply {
  const best = citations[0];
  if (best && answerStatus !== "unknown" && best.trust_score < LOW_TRUST) text += `\n\n${phrasesFor(lang).lowTrust(best.title, Math.round(best.trust_score))}`;
  return {
    text,
    citations,
    grounded: answerStatus !== "unknown" && citations.length > 0,
    intent: "question",
    outcome: answerStatus === "unknown" ? "unhandled" : "answered",
    answerStatus,
    ...(unanswered ? { unanswered } : {}),
    engine: "builtin",
  };
}

/**
 * "I don't know the boiling point of Korvath coolant." when the question reads that way (its
 * attribute, then "of", then its subject), else "I don't know the answer to «…»" with its words.
 */
function dontKnow(q: Question, part: QuestionPart | null, subject: QueryWord[]): string {
  const say = phrasesFor(q.lang);
  const words = part ? part.words : q.words;
  const focus = words.filter((w) => !subject.includes(w));
  if (focus.length && subject.length && q.lang === "en") {
    const from = focus[0].start;
    const to = Math.max(...subject.map((w) => w.end));
    const text = q.text.slice(from, to);
    // "What is the boiling point of Korvath?" → "the boiling point of Korvath"; not "Who led the development of …".
    const asksForThe = /\b(?:the|its)\s$/i.test(q.text.slice(Math.max(0, from - 5), from));
    if (asksForThe && from < subject[0].start && / of /i.test(text) && text.length <= 120) return say.dontKnowThe(text);
  }
  // One part of several, in its own words: "I don't know the answer to "where is she buried"".
  if (part && q.parts.length > 1) return say.dontKnowAnswer(withoutEndMarks(q.text.slice(part.start, part.end)));
  return say.dontKnowAnswer(withoutEndMarks(q.text));
}

/** The question without its trailing question marks and spaces (a loop: a regex anchored at the end rescans). */
function withoutEndMarks(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s?？؟]/u.test(text[end - 1])) end--;
  return text.slice(0, end).trim();
}

/** The subject's words as the question wrote them: "Korvath coolant". */
function span(text: string, words: QueryWord[]): string {
  if (!words.length) return "";
  const s = text.slice(Math.min(...words.map((w) => w.start)), Math.max(...words.map((w) => w.end)));
  return s.length <= 80 ? s : words.map((w) => text.slice(w.start, w.end)).join(" ");
}

function withSubject(part: string, subject: string): string {
  return !subject || part.includes(subject) ? part : `${part} (${subject})`;
}

/**
 * The sentence with one ending and its citation. The lookbehind lets the run of end marks be
 * tried only from its first character: `/\s*[.!?]*$/` was tried from every space, quadratic.
 */
function endWith(sentence: string, n: number, lang: Question["lang"]): string {
  const bare = sentence.replace(/(?<![\s.!?。！？])[\s.!?。！？]+$/u, "");
  return lang === "zh" || lang === "ja" ? `${bare}。[${n}]` : `${bare}. [${n}]`;
}
