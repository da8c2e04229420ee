// NFKC, then Unicode case folding: what every word is compared and indexed as.

/**
 * The full case folds (Unicode CaseFolding.txt, status F) that toLowerCase does not make and
 * that NFKC leaves: ß (and ẞ, which toLowerCase makes ß) → ss. And final sigma, which
 * toLowerCase writes as ς at a word's end, where folding makes σ. The other F folds only
 * decompose letters that NFC composes again (ǰ, ΐ, …) or are undone by NFKC already (ŉ, ẚ).
 */
const FOLDS: Record<string, string> = { "\u00df": "ss", "\u03c2": "\u03c3" };
const NEEDS_FOLD = /[\u00df\u03c2]/g;

/** Unicode case folding of text already in NFKC. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes("\u00df") || lower.includes("\u03c2") ? lower.replace(NEEDS_FOLD, (c) => FOLDS[c] ?? c) : lower;
}

/** NFKC, then Unicode case folding (toLowerCase plus the full folds JS lacks: ß→ss, ς→σ, …). */
export function normalize(text: string): string {
  return fold(text.normalize("NFKC"));
}

/** Whether `s` is printable ASCII without capitals: already normal, nothing to do. */
export function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}
