// Sentence boundaries in one forward scan: linear in the text, whatever it holds (a regex
// with an unanchored `[^.!?]+…(?=\s|$)` retried from every position was quadratic on a long
// line with no sentence end). Spans cover every non-space character of the input exactly once.
import { isLineBreak, isLowercaseAt, isSpace } from "./chars";

export type Span = { start: number; end: number };

const DOT = 0x2e;
/** Closing quotes and brackets that belong to the sentence they follow: `He said "no."` */
const CLOSERS = `"'”’»›)]}」』）】〉》〕］｝＂＇`;
/** Opening marks stripped before looking at the word in front of a period: `(e.g.` */
const OPENERS = `"'“‘«‹([{¿¡「『（【`;

/** Words after which a period is usually not a sentence end ("Dr. Smith", "approx. 5"). */
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "cf", "fig", "approx", "vol", "ca"]);
/** Dotted short forms: e.g, i.e, U.S, a.m, Ph.D, т.е. Only ever tested on a word of ≤ 12 chars. */
const DOTTED = /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u;
const INITIAL = /^\p{Lu}$/u;

/** Sentence spans, whitespace trimmed, empty ones left out. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s < e) spans.push({ start: s, end: e });
  };
  let start = 0;
  let wordStart = 0; // just after the last whitespace: where the word before a period begins
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      push(start, i);
      start = wordStart = i + 1;
      i++;
    } else if (isSpace(c)) {
      wordStart = ++i;
    } else if (!isEnder(c)) {
      i++;
    } else {
      // A run of enders ("?!", "...", "。"), then any closing quotes or brackets.
      let j = i;
      let cjk = false;
      let dotsOnly = true;
      for (let d = c; j < n && isEnder(d); d = text.charCodeAt(++j)) {
        if (d >= 0x3000) cjk = true;
        if (d !== DOT) dotsOnly = false;
      }
      const runEnd = j;
      while (j < n && CLOSERS.includes(text[j])) j++;
      if (cjk || endsAfterPunctuation(text, wordStart, i, runEnd, j, dotsOnly)) {
        push(start, j);
        start = wordStart = j;
      }
      i = j; // the run is never rescanned, so a long "!!!!…" stays linear
    }
  }
  push(start, n);
  return spans;
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => text.slice(s.start, s.end));
}

/**
 * `.`, `!`, `?` end a sentence only when followed by whitespace or the end of the text;
 * 。！？ (and halfwidth ｡) end it right away, as CJK puts no space after them.
 */
function isEnder(c: number): boolean {
  return c === DOT || c === 0x21 || c === 0x3f || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff61;
}

/**
 * Whether western end punctuation from `runStart` to `runEnd` (closers up to `after`) ends
 * the sentence. A period followed by a non-space never does ("1.5", "U.S.A"); a lone period
 * after a known abbreviation or an initial does not; nor do periods followed by a lowercase
 * word ("e.g. this", "wait... what"). The look-ahead skips only the spaces the main scan
 * will read next, so each character is read at most twice.
 */
function endsAfterPunctuation(text: string, wordStart: number, runStart: number, runEnd: number, after: number, dotsOnly: boolean): boolean {
  if (after >= text.length) return true;
  if (!isSpace(text.charCodeAt(after))) return false;
  if (!dotsOnly) return true;
  if (runEnd === runStart + 1 && after === runEnd && runStart - wordStart <= 12 && isAbbreviation(text.slice(wordStart, runStart))) return false;
  let k = after;
  while (k < text.length && isSpace(text.charCodeAt(k)) && !isLineBreak(text.charCodeAt(k))) k++;
  return !(k < text.length && isLowercaseAt(text, k));
}

function isAbbreviation(word: string): boolean {
  let s = 0;
  while (s < word.length && OPENERS.includes(word[s])) s++;
  const w = word.slice(s);
  return ABBREVIATIONS.has(w.toLowerCase()) || INITIAL.test(w) || DOTTED.test(w);
}
