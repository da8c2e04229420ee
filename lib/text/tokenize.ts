// One tokenizer for every language, used for indexing, search, topics and reflections.
//
// Words are found in one forward scan over the text: runs of letters, digits and combining
// marks (\p{L}\p{N}\p{M}), held together by ' ’ - _ between them as lib/text/words.ts always
// did; each word is normalised (NFKC, Unicode case folding). Runs of scripts written without
// spaces (Han, Kana, Thai, and Lao, Khmer, Myanmar) are cut into words by Intl.Segmenter, on
// pieces of at most PIECE characters: it is super-linear on long input in Node 20 and about
// 20× slower than the scan, so it never sees more than a bounded piece, and never sees Latin
// text at all. Everything here is linear in the text.
//
// The index holds, for each passage, its words minus stop-words, stemmed in the passage's
// language (indexTerms), in a column both databases tokenise plainly (FTS5 unicode61, the
// PostgreSQL `simple` configuration): they see the same terms. A query word may be in any
// language its script is written in, so it is looked up as each of its possible stems.
import { detectLanguage } from "./language/detect";
import { LATIN_LANGS, type Lang } from "./language/lang";
import { fold, isLowerAscii, normalize } from "./language/normalize";
import { elide, languageForWord, stem, wordScript } from "./language/stem";
import { allStopWords, stopWordsOf } from "./language/stop-words";
import { codePointAt, cpLength, isJoiner, isMark, isSegmentedScript, isWordPart, isWordStart, scriptOf } from "./language/scripts";

export type { Lang } from "./language/lang";
export { normalize } from "./language/normalize";
export { detectLanguage } from "./language/detect";
export { stem } from "./language/stem";

export type Token = { word: string; start: number; end: number };

/** Longest piece of a Han/Kana/Thai run handed to Intl.Segmenter at once. */
const PIECE = 64;
/** Terms longer than this are not words anyone searches for (and PostgreSQL drops long lexemes). */
const MAX_TERM = 100;
/** Content words of a query that are looked up. */
const MAX_QUERY_WORDS = 12;

let segmenter: Intl.Segmenter | undefined;

function segmenterFor(): Intl.Segmenter {
  // ICU picks its dictionary by script (one for Chinese and Japanese, one for Thai, …), not by
  // locale: one segmenter serves every run.
  return (segmenter ??= new Intl.Segmenter("zh", { granularity: "word" }));
}

/**
 * Words of the normalised text in one forward scan: runs of \p{L}\p{N}\p{M} (joined by ' ’ -
 * _ inside a word as lib/text/words.ts does); runs of Han/Hiragana/Katakana/Thai are cut into
 * words by Intl.Segmenter on bounded pieces (≤ 64 chars each). start/end index the ORIGINAL
 * text so callers can highlight.
 */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = codePointAt(text, i);
    if (!isWordStart(cp)) {
      i += cpLength(cp);
      continue;
    }
    if (isSegmentedScript(scriptOf(cp))) {
      const start = i;
      i += cpLength(cp);
      while (i < n) {
        const c = codePointAt(text, i);
        if (!(isSegmentedScript(scriptOf(c)) || isMark(c))) break;
        i += cpLength(c);
      }
      segmentRun(text, start, i, out);
      continue;
    }
    const start = i;
    let end = i; // just after the last letter, digit or mark: joiners may not end a word
    let ascii = true;
    while (i < n) {
      const c = codePointAt(text, i);
      if (c < 0x80 ? isWordPart(c) : isWordPart(c) && !isSegmentedScript(scriptOf(c))) {
        if (c >= 0x80) ascii = false;
        end = i += cpLength(c);
      } else if (isJoiner(text.charCodeAt(i))) {
        if (text.charCodeAt(i) === 0x2019) ascii = false;
        i++;
      } else break;
    }
    pushWord(text.slice(start, end), start, end, ascii, out);
    i = end; // trailing joiners are read again, once, as non-word characters
  }
  return out;
}

function pushWord(raw: string, start: number, end: number, ascii: boolean, out: Token[]): void {
  if (ascii) {
    out.push({ word: raw.toLowerCase(), start, end });
    return;
  }
  const word = fold(raw.normalize("NFKC")).replaceAll("’", "'");
  // NFKC can spell a character as several, not all of them word characters (½ → 1⁄2): each
  // word part of the result is a word, all at the original character's place.
  let clean = true;
  for (let k = 0; k < word.length && clean; ) {
    const c = codePointAt(word, k);
    clean = isWordPart(c) || isJoiner(c);
    k += cpLength(c);
  }
  if (clean) {
    out.push({ word, start, end });
    return;
  }
  for (const t of tokens(word)) out.push({ word: t.word, start, end });
}

/** Cuts a run of Han/Kana/Thai text[start, end) into words, PIECE characters at a time. */
function segmentRun(text: string, start: number, end: number, out: Token[]): void {
  for (let p = start; p < end; ) {
    let q = Math.min(end, p + PIECE);
    if (q < end) {
      // Never between a surrogate pair, nor between a letter and its combining marks.
      if (isLowSurrogate(text.charCodeAt(q)) && isHighSurrogate(text.charCodeAt(q - 1))) q--;
      let back = q;
      for (let steps = 0; back > p && steps < 8 && isMark(codePointAt(text, back)); steps++) back = previousCodePoint(text, back);
      if (back > p) q = back;
    }
    const piece = text.slice(p, q);
    for (const s of segmenterFor().segment(piece)) {
      if (!s.isWordLike) continue;
      const from = p + s.index;
      const to = from + s.segment.length;
      const raw = s.segment;
      pushWord(raw, from, to, isLowerAscii(raw), out);
    }
    p = q;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Where the code point before index `i` starts. */
function previousCodePoint(text: string, i: number): number {
  return i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** Whether a word of this script is too short to mean anything alone (one Latin letter, one digit). */
function tooShort(word: string): boolean {
  if (word.length > 2) return false;
  const cp = codePointAt(word, 0);
  if (cpLength(cp) === word.length) return !isSegmentedScript(scriptOf(cp)); // one character
  return false;
}

/** A stop-word in that language; lang omitted: a stop-word in any supported language. */
export function isStopWord(word: string, lang?: Lang): boolean {
  const w = isLowerAscii(word) ? word : normalize(word).replaceAll("’", "'");
  return (lang ? stopWordsOf(lang) : allStopWords()).has(w);
}

/**
 * The terms a text is indexed by: tokens, stop-words of its language dropped, stemmed in its
 * language (lang detected when omitted). A word in another script than the text's language
 * is treated in its script's language (an English word in a Russian text is stemmed as
 * English, a Russian stop-word in an English text dropped).
 */
export function indexTerms(text: string, lang?: Lang): string[] {
  const language = lang ?? detectLanguage(text);
  const out: string[] = [];
  const seen = new Map<string, string | null>(); // word → its term (null: not indexed)
  for (const { word } of tokens(text)) {
    let term = seen.get(word);
    if (term === undefined) {
      term = termOf(word, language);
      if (seen.size < 50_000) seen.set(word, term);
    }
    if (term) out.push(term);
  }
  return out;
}

/** Terms already worked out, by language and word: a language's vocabulary repeats from text to text. */
const memo = new Map<string, string | null>();
const MEMO_WORDS = 100_000;

/** The index term of one normalised word in a text of `lang`, or null when it is not indexed. */
function termOf(word: string, lang: Lang): string | null {
  const key = `${lang}\u0000${word}`;
  let term = memo.get(key);
  if (term === undefined) {
    if (memo.size >= MEMO_WORDS) memo.clear();
    memo.set(key, (term = computeTerm(word, lang)));
  }
  return term;
}

function computeTerm(word: string, lang: Lang): string | null {
  if (tooShort(word)) return null;
  const stops = stopWordsOf(languageForWord(wordScript(word), lang));
  if (stops.has(word) || stops.has(elide(word))) return null; // c'est, l'un: stop-words behind an article
  const term = stem(word, lang);
  return term && term.length <= MAX_TERM && !tooShort(term) ? term : null;
}

/** The languages a word of this script may be in, to stem it as each. */
function candidateLanguages(word: string): readonly Lang[] {
  switch (wordScript(word)) {
    case "latin":
      return LATIN_LANGS;
    case "cyrillic":
      return ["ru"];
    case "arabic":
      return ["ar"];
    default:
      return ["other"];
  }
}

/** The terms a normalised word may be indexed as: its stem in each language its script can be. */
export function wordTerms(word: string): string[] {
  const terms = new Set<string>();
  for (const lang of candidateLanguages(word)) {
    const t = stem(word, lang);
    if (t && t.length <= MAX_TERM && !tooShort(t)) terms.add(t);
  }
  return [...terms];
}

/**
 * For each content word of a query (stop-words of every language dropped, deduplicated, at
 * most 12), the terms it may be indexed as: its stem in each language its script can be
 * (Latin: en, es, fr, de; Cyrillic: ru; Arabic: ar; CJK: the word itself). When every word
 * is a stop-word somewhere, only the query's own language's stop-words are dropped, so a
 * query of such words alone ("war", a German stop-word, asked in English) still looks.
 */
export function queryTerms(text: string): { word: string; terms: string[] }[] {
  const words = [...new Set(tokens(text).map((t) => t.word))].filter((w) => !tooShort(w));
  const all = allStopWords();
  let content = words.filter((w) => !all.has(w) && !all.has(elide(w)));
  if (!content.length && words.length) {
    const own = stopWordsOf(detectLanguage(text));
    content = words.filter((w) => !own.has(w) && !own.has(elide(w)));
  }
  const out: { word: string; terms: string[] }[] = [];
  const groups = new Set<string>();
  for (const word of content) {
    const terms = wordTerms(word);
    const key = [...terms].sort().join(" ");
    if (!terms.length || groups.has(key)) continue; // "bridge bridges": one word to look for
    groups.add(key);
    out.push({ word, terms });
    if (out.length === MAX_QUERY_WORDS) break;
  }
  return out;
}
