// Cutting text to a length without breaking a character: never between the two halves of a
// surrogate pair (an emoji, 𠀀), nor between a letter and the combining marks, joiners or
// modifiers that belong to it (é written as e + ◌́, 👍🏽, 👩‍💻), which would leave a lone half or
// a bare base letter. Lengths are in UTF-16 code units, as String.length counts them.
import { codePointAt } from "./language/scripts";

const CONTINUES = /^[\p{M}\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]$/u;
/** How far back a cut looks for the start of a character; past that it cuts at a code point. */
const MAX_CLUSTER = 32;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Whether the code point at `i` belongs to the character before it (a mark, a joiner, what follows a joiner). */
function continuesAt(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (text.charCodeAt(i - 1) === 0x200d) return true; // the second half of a ZWJ sequence
  const cp = codePointAt(text, i);
  return cp >= 0x300 && CONTINUES.test(String.fromCodePoint(cp));
}

/** The largest index ≤ `end` where text can be cut without breaking a character. */
export function safeCut(text: string, end: number): number {
  if (end <= 0) return 0;
  if (end >= text.length) return text.length;
  let cut = end;
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const pointCut = cut;
  for (let steps = 0; cut > 0 && continuesAt(text, cut); steps++) {
    if (steps === MAX_CLUSTER) return pointCut; // an endless run of marks: any code point boundary will do
    cut--;
    if (cut > 0 && isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  }
  return cut;
}

/**
 * `text` when it has at most `max` code units, else its beginning cut at a character boundary
 * with `ellipsis` after it, `max` code units at most in all.
 */
export function truncate(text: string, max: number, ellipsis = "…"): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return text.slice(0, safeCut(text, Math.max(0, max)));
  return text.slice(0, safeCut(text, max - ellipsis.length)) + ellipsis;
}
