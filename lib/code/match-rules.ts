// Applies code rules line by line and says where each one matched (1-based line and column,
// UTF-16 units, the end exclusive), as editors mark it.
import { lex } from "./lex";
import { CODE_LANGUAGES, splitLines, type CodeLanguage } from "./languages";
import type { CodeRule } from "./rules";

export type RuleHit = { rule: CodeRule; line: number; column: number; endLine: number; endColumn: number };

/** Hits reported at most, however many there are (a generated file could have thousands). */
export const MAX_HITS = 500;

function span(rule: CodeRule, text: string): [number, number] | null {
  if (!rule.regex.test(text)) return null;
  const m = rule.regex.matcher(text);
  if (!m.find()) return null;
  for (let g = 1; g <= m.groupCount(); g++) {
    if (m.start(g) >= 0) return [m.start(g), m.end(g)];
  }
  return [m.start(), m.end()];
}

/** `language` null: the language is not known, and each language's rules look at the text as that language. */
export function matchCodeRules(o: { rules: CodeRule[]; language: CodeLanguage | null; code: string; maxHits?: number }): RuleHit[] {
  const max = o.maxHits ?? MAX_HITS;
  const raw = splitLines(o.code);
  const views = new Map<CodeLanguage, string[]>();
  const viewOf = (language: CodeLanguage) => {
    let lines = views.get(language);
    if (!lines) views.set(language, (lines = splitLines(lex(language, o.code).codeWithWords)));
    return lines;
  };
  const hits: RuleHit[] = [];
  for (const rule of o.rules) {
    let targets: string[][];
    if (rule.view === "text") targets = [raw];
    else if (o.language) targets = rule.languages?.includes(o.language) ? [viewOf(o.language)] : [];
    else targets = (rule.languages ?? [...CODE_LANGUAGES]).map(viewOf);
    const seen = new Set<number>();
    for (const lines of targets) {
      for (let i = 0; i < lines.length && hits.length < max; i++) {
        if (seen.has(i)) continue;
        const found = span(rule, lines[i]);
        if (!found) continue;
        seen.add(i);
        hits.push({ rule, line: i + 1, column: found[0] + 1, endLine: i + 1, endColumn: found[1] + 1 });
      }
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.column - b.column);
}
