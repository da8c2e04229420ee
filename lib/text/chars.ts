// Character classes for the text scanners. Each answers for one character in constant time:
// the scanners look at every character once or twice, never run a regex over the rest.

/** Exactly the set of JS `\s` and `String.prototype.trim` (so tests can compare with `\s`). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

const LOWERCASE = /^\p{Ll}$/u;

/** Whether the character (code point) at `i` is a lowercase letter, in any script. */
export function isLowercaseAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const cp = text.codePointAt(i);
  return cp !== undefined && LOWERCASE.test(String.fromCodePoint(cp));
}
