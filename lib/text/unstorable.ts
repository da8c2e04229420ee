/**
 * The first character in `s` that Grace refuses to store, described for an error message, or
 * null. NUL cannot be stored at all (PostgreSQL text refuses it); other control characters
 * would reach logs and terminals that interpret them (tab and line breaks are allowed where
 * `lineBreaks` says so); an unpaired surrogate is the escaped form of invalid UTF-8, which the
 * databases would store altered. One linear pass.
 */
export function unstorableCharacter(s: string, o: { lineBreaks: boolean } = { lineBreaks: true }): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return "contains a NUL character (\\u0000), which cannot be stored";
    if (c < 0x20 || c === 0x7f) {
      if (o.lineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return `contains the control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
      else return `contains an unpaired surrogate (\\u${c.toString(16)}), which is not valid Unicode`;
    }
  }
  return null;
}
