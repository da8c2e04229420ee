// Which script a character belongs to, by code point range: constant time, no regex. Only
// the scripts the tokenizer treats differently are told apart; everything else is "other".

export type Script = "latin" | "cyrillic" | "arabic" | "han" | "kana" | "thai" | "sea" | "other";

export function scriptOf(cp: number): Script {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? "latin" : "other";
  if (cp < 0x250) return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 ? "latin" : cp === 0xaa || cp === 0xba ? "latin" : "other";
  if (cp >= 0x400 && cp <= 0x52f) return "cyrillic";
  if (cp >= 0x600 && cp <= 0x6ff) return "arabic";
  if (cp >= 0x750 && cp <= 0x77f) return "arabic";
  if (cp >= 0x8a0 && cp <= 0x8ff) return "arabic";
  if (cp >= 0xe00 && cp <= 0xe7f) return "thai";
  if (cp >= 0xe80 && cp <= 0xeff) return "sea"; // Lao
  if (cp >= 0x1000 && cp <= 0x109f) return "sea"; // Myanmar
  if (cp >= 0x1780 && cp <= 0x17ff) return "sea"; // Khmer
  if (cp >= 0x1c80 && cp <= 0x1c8f) return "cyrillic";
  if (cp >= 0x1e00 && cp <= 0x1eff) return "latin";
  if (cp >= 0x2c60 && cp <= 0x2c7f) return "latin";
  if (cp >= 0x2de0 && cp <= 0x2dff) return "cyrillic";
  if (cp >= 0x3005 && cp <= 0x3007) return "han"; // 々 〆 〇
  if (cp >= 0x3021 && cp <= 0x3029) return "han";
  if (cp >= 0x3038 && cp <= 0x303b) return "han";
  if (cp >= 0x3040 && cp <= 0x30ff) return "kana"; // Hiragana, Katakana (with ー and the sound marks)
  if (cp >= 0x31f0 && cp <= 0x31ff) return "kana";
  if (cp >= 0x3400 && cp <= 0x4dbf) return "han";
  if (cp >= 0x4e00 && cp <= 0x9fff) return "han";
  if (cp >= 0xa640 && cp <= 0xa69f) return "cyrillic";
  if (cp >= 0xa720 && cp <= 0xa7ff) return "latin";
  if (cp >= 0xab30 && cp <= 0xab6f) return "latin";
  if (cp >= 0xf900 && cp <= 0xfaff) return "han";
  if (cp >= 0xfb00 && cp <= 0xfb06) return "latin"; // ﬁ ﬂ … (NFKC spells them out)
  if (cp >= 0xfb50 && cp <= 0xfdff) return "arabic";
  if (cp >= 0xfe70 && cp <= 0xfeff) return "arabic";
  if ((cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a)) return "latin"; // fullwidth
  if (cp >= 0xff66 && cp <= 0xff9f) return "kana"; // halfwidth Katakana
  if (cp >= 0x1b000 && cp <= 0x1b16f) return "kana";
  if (cp >= 0x20000 && cp <= 0x3ffff) return "han";
  return "other";
}

/** Scripts written without spaces between words: their runs are cut into words by Intl.Segmenter. */
export function isSegmentedScript(s: Script): boolean {
  return s === "han" || s === "kana" || s === "thai" || s === "sea";
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}]$/u;
const MARK = /^\p{M}$/u;

/** A letter or digit of any script: where a word may begin. */
export function isWordStart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp >= 0x430 && cp <= 0x44f) return true;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
}

/** A letter, digit or combining mark of any script: what a word is made of. */
export function isWordPart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp >= 0x430 && cp <= 0x44f) return true;
  return WORD_PART.test(String.fromCodePoint(cp));
}

export function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp <= 0x36f) return true;
  return MARK.test(String.fromCodePoint(cp));
}

/** ' ’ _ - : hold a word together between letters ("don't", "e-mail", "snake_case"). */
export function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x5f || c === 0x2d;
}

/** The code point at `i` (a lone surrogate is itself). */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

export function cpLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}
