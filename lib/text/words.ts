// Words in one forward scan, in any script: runs of letters, digits and combining marks,
// held together by ' ’ _ - between them ("don't", "e-mail", "snake_case"), lowercased.
// CJK runs stay whole, as SQLite's unicode61 tokenizer indexes them (no Intl.Segmenter here).

const WORD_START = /^[\p{L}\p{N}]$/u;
const WORD_PART = /^[\p{L}\p{N}\p{M}]$/u;

export function words(text: string): string[] {
  const s = text.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    if (!isWord(s, i, WORD_START)) {
      i += charLength(s, i);
      continue;
    }
    const start = i;
    let end = i; // just after the last letter, digit or mark: joiners may not end a word
    while (i < s.length) {
      if (isWord(s, i, WORD_PART)) end = i += charLength(s, i);
      else if (isJoiner(s.charCodeAt(i))) i++;
      else break;
    }
    out.push(s.slice(start, end).replaceAll("’", "'"));
    i = end; // trailing joiners are read again, once, as non-word characters
  }
  return out;
}

function isWord(s: string, i: number, set: RegExp): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39); // already lowercased
  return set.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x5f || c === 0x2d;
}

function charLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}
