// Runs regex and keywords rules over a text: re2js only, and only over the first
// MAX_SCAN_CHARS characters (a finding on a longer text says so), so the cost of a scan is
// bounded whatever is sent. A rule whose name selects a validator (validators.ts) keeps only
// the candidates it confirms; it looks at up to MAX_CANDIDATES of them.
import type { CompiledRule } from "./compile-rule";
import { maskedExcerpt } from "./mask";

/** 64 KiB of text (in UTF-16 units) is scanned; the rest is not. */
export const MAX_SCAN_CHARS = 65_536;
const MAX_CANDIDATES = 50;

export type TextMatch = {
  rule: CompiledRule;
  /** Where the reported span starts and ends in the scanned text (UTF-16 units). */
  start: number;
  end: number;
  /** The span masked, with a little context (mask.ts): safe to store. */
  excerpt: string;
  /** The text was longer than MAX_SCAN_CHARS and only its beginning was scanned. */
  truncated: boolean;
};

function spanOf(m: { groupCount(): number; start(g?: number): number; end(g?: number): number }): [number, number] {
  for (let g = 1; g <= m.groupCount(); g++) if (m.start(g) >= 0) return [m.start(g), m.end(g)];
  return [m.start(), m.end()];
}

/** The first confirmed match of each rule, in rule order. */
export function matchText(o: { rules: CompiledRule[]; text: string }): TextMatch[] {
  const truncated = o.text.length > MAX_SCAN_CHARS;
  const text = truncated ? o.text.slice(0, MAX_SCAN_CHARS) : o.text;
  const matches: TextMatch[] = [];
  for (const rule of o.rules) {
    // test() runs re2js's fast engines (no capture groups); most texts match no rule, so
    // finding where (the slower, capturing matcher) is only done for the rules that hit.
    if (!rule.regex || !rule.regex.test(text)) continue;
    const m = rule.regex.matcher(text);
    for (let n = 0; n < MAX_CANDIDATES && m.find(); n++) {
      const [start, end] = spanOf(m);
      if (rule.validator && !rule.validator(text.slice(start, end))) continue;
      matches.push({ rule, start, end, excerpt: maskedExcerpt(text, start, end), truncated });
      break;
    }
  }
  return matches;
}

/** Every confirmed match of one rule (up to `max`), for trying a rule out. */
export function allMatches(o: { rule: CompiledRule; text: string; max?: number }): TextMatch[] {
  const truncated = o.text.length > MAX_SCAN_CHARS;
  const text = truncated ? o.text.slice(0, MAX_SCAN_CHARS) : o.text;
  const out: TextMatch[] = [];
  if (!o.rule.regex || !o.rule.regex.test(text)) return out;
  const m = o.rule.regex.matcher(text);
  for (let n = 0; n < (o.max ?? 20) * 5 && out.length < (o.max ?? 20) && m.find(); n++) {
    const [start, end] = spanOf(m);
    if (o.rule.validator && !o.rule.validator(text.slice(start, end))) continue;
    out.push({ rule: o.rule, start, end, excerpt: maskedExcerpt(text, start, end), truncated });
  }
  return out;
}
