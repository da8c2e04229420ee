// Splits content into passages for the index: paragraphs, and long paragraphs at sentence
// ends, each at most ~800 characters, so a hit points at a passage, not a whole document.
// Runs on untrusted text of any size (before the write transaction opens: prepareContent in
// ingest-text.ts), so every step is one forward scan: linear in the text (the old regex took
// ~80 s on a 250,000-character line, then inside the transaction with the database locked).
import { isLineBreak, isSpace } from "../text/chars";
import { sentenceSpans, type Span } from "../text/sentences";

export { splitSentences } from "../text/sentences";

const MAX = 800;

export function chunkText(content: string): string[] {
  const chunks: string[] = [];
  for (const p of paragraphs(content)) {
    const text = content.slice(p.start, p.end);
    if (text.length <= MAX) chunks.push(text);
    else packSentences(text, chunks);
  }
  return chunks;
}

/** Paragraphs (trimmed spans) separated by blank lines: lines empty or all whitespace. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = -1; // first non-space character of the paragraph being read
  let end = -1; // just after its last non-space character
  let lineHasText = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue; // \r\n is one line break
    if (isLineBreak(c)) {
      if (!lineHasText && start >= 0) {
        out.push({ start, end });
        start = -1;
      }
      lineHasText = false;
    } else if (!isSpace(c)) {
      if (start < 0) start = i;
      end = i + 1;
      lineHasText = true;
    }
  }
  if (start >= 0) out.push({ start, end });
  return out;
}

/**
 * Greedily packs consecutive sentences into passages of at most MAX characters, cut from the
 * text as it is (its own spaces and line breaks kept); a sentence longer than MAX is cut first.
 */
function packSentences(text: string, chunks: string[]): void {
  let from = -1;
  let to = -1;
  for (const sentence of sentenceSpans(text)) {
    for (const piece of cutLong(text, sentence)) {
      if (from >= 0 && piece.end - from <= MAX) {
        to = piece.end;
        continue;
      }
      if (from >= 0) chunks.push(text.slice(from, to));
      from = piece.start;
      to = piece.end;
    }
  }
  if (from >= 0) chunks.push(text.slice(from, to));
}

/**
 * Pieces of at most MAX characters, cut at the last whitespace in the second half of the
 * window, else hard at MAX (never inside a surrogate pair). Looking back only half a window
 * keeps it linear: every piece but the last is longer than MAX / 2 and costs at most MAX / 2.
 */
function cutLong(text: string, span: Span): Span[] {
  const pieces: Span[] = [];
  let s = span.start;
  while (span.end - s > MAX) {
    let w = s + MAX;
    while (w > s + MAX / 2 && !isSpace(text.charCodeAt(w))) w--;
    let next: number;
    let e: number;
    if (w > s + MAX / 2) {
      e = w;
      while (isSpace(text.charCodeAt(e - 1))) e--;
      next = w;
      while (isSpace(text.charCodeAt(next))) next++;
    } else {
      e = s + MAX;
      if (isLowSurrogate(text.charCodeAt(e))) e--;
      next = e;
    }
    pieces.push({ start: s, end: e });
    s = next;
  }
  pieces.push({ start: s, end: span.end });
  return pieces;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
