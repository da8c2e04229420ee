// A stored rule made ready to run, and the check that a pattern can be: every text pattern
// is compiled by re2js (RE2 syntax, matching linear in the input whatever the pattern), so a
// rule can never stall a request; a pattern re2js rejects cannot be saved.
//
// - regex: the pattern as written. Its first capturing group, when it has one, is the span
//   reported (and checked by the rule's validator, validators.ts).
// - keywords: one keyword or phrase per line, matched case-insensitively as whole words
//   (letters and digits of any script count as word characters; a phrase's spaces match any
//   run of whitespace), all compiled into ONE alternation, so a list costs one pass.
// - threshold: "<counter> per <key>" (THRESHOLD_COUNTERS), counted by thresholds.ts; the
//   rule fires when `threshold` is reached within `windowSeconds`.
import { RE2JS } from "re2js";
import { invalid } from "../errors";
import { actionOf, severityOf, targetsOf, type RuleAction, type RuleKind, type Severity, type Target } from "./rule-fields";
import { validatorFor, type Validator } from "./validators";

/** What a threshold rule can count, and per what. */
export const THRESHOLD_COUNTERS = {
  /** Failed sign-ins (SignInAttempt rows), per attempted username or per client IP. */
  "auth.failure": ["username", "ip"],
  /** Knowledge rows exported (POST /api/memory/export, audited as knowledge.export), per user or per IP. */
  "export.rows": ["user", "ip"],
} as const satisfies Record<string, readonly string[]>;
export type ThresholdCounter = keyof typeof THRESHOLD_COUNTERS;
export type ThresholdSpec = { counter: ThresholdCounter; per: string };

export type StoredRule = {
  id: number;
  name: string;
  description: string;
  target: string;
  kind: string;
  pattern: string;
  threshold: number | null;
  windowSeconds: number | null;
  severity: string;
  action: string;
};

export type CompiledRule = {
  id: number;
  name: string;
  description: string;
  targets: Target[];
  kind: RuleKind;
  severity: Severity;
  action: RuleAction;
  /** regex and keywords rules. */
  regex: RE2JS | null;
  validator: Validator | null;
  /** threshold rules. */
  threshold: (ThresholdSpec & { limit: number; windowSeconds: number }) | null;
};

const WORD = "\\p{L}\\p{N}_";

/** The one regex a keyword list becomes (case-insensitive, whole words, group 1 the keyword). */
export function keywordsRegex(pattern: string): string {
  const words = pattern
    .split(/\r?\n/)
    .map((w) => w.trim())
    .filter(Boolean)
    .map((w) => w.split(/\s+/).map((part) => RE2JS.quote(part)).join("\\s+"));
  if (!words.length) throw invalid("pattern", "needs at least one keyword (one per line)");
  return `(?i)(?:^|[^${WORD}])(${words.join("|")})(?:[^${WORD}]|$)`;
}

export function parseThreshold(pattern: string): ThresholdSpec {
  const m = /^\s*([a-z.]+)\s+per\s+([a-z]+)\s*$/.exec(pattern);
  const counters = THRESHOLD_COUNTERS as Record<string, readonly string[]>;
  if (!m || !counters[m[1]]?.includes(m[2])) {
    const forms = Object.entries(THRESHOLD_COUNTERS).flatMap(([c, keys]) => keys.map((k) => `"${c} per ${k}"`));
    throw invalid("pattern", `a threshold rule counts one of ${forms.join(", ")}`);
  }
  return { counter: m[1] as ThresholdCounter, per: m[2] };
}

const compiledPatterns = new Map<string, RE2JS>();

/** re2js's compiled form of a regex or keywords pattern; throws a 422 on `pattern` when it has none. */
export function compilePattern(kind: string, pattern: string): RE2JS {
  const source = kind === "keywords" ? keywordsRegex(pattern) : pattern;
  const known = compiledPatterns.get(source);
  if (known) return known;
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source);
  } catch (error) {
    throw invalid("pattern", `is not a pattern re2js (RE2 syntax) accepts: ${(error as Error).message}`);
  }
  // Rules are few and rarely change: the cache stays small.
  if (compiledPatterns.size > 1000) compiledPatterns.clear();
  compiledPatterns.set(source, regex);
  return regex;
}

/** Throws a ValidationError naming the bad field when the rule could not run. */
export function checkRule(o: { kind: string; pattern: string; target: string; threshold?: number | null; windowSeconds?: number | null }) {
  if (o.kind === "threshold") {
    parseThreshold(o.pattern);
    if (!o.threshold || o.threshold < 1) throw invalid("threshold", "is required for a threshold rule (events in the window)");
    if (!o.windowSeconds || o.windowSeconds < 1) throw invalid("window_seconds", "is required for a threshold rule");
    if (targetsOf(o.target).some((t) => t !== "auth" && t !== "request")) throw invalid("target", "a threshold rule applies to auth or request");
  } else {
    compilePattern(o.kind, o.pattern);
    if (targetsOf(o.target).some((t) => t === "auth" || t === "request")) throw invalid("target", "auth and request take threshold rules");
  }
}

/** The rule ready to run, or null when it cannot (a row written past the API: logged, skipped). */
export function compileRule(row: StoredRule): CompiledRule | null {
  try {
    const kind = (row.kind === "keywords" || row.kind === "threshold" ? row.kind : "regex") as RuleKind;
    const threshold = kind === "threshold" ? { ...parseThreshold(row.pattern), limit: row.threshold ?? 0, windowSeconds: row.windowSeconds ?? 0 } : null;
    if (threshold && (threshold.limit < 1 || threshold.windowSeconds < 1)) throw new Error("threshold and windowSeconds must be positive");
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      targets: targetsOf(row.target),
      kind,
      severity: severityOf(row.severity),
      action: actionOf(row.action),
      regex: kind === "threshold" ? null : compilePattern(kind, row.pattern),
      validator: validatorFor(row.name),
      threshold,
    };
  } catch (error) {
    warnOnce(row, error);
    return null;
  }
}

const warned = new Set<string>();
function warnOnce(row: StoredRule, error: unknown) {
  const key = `${row.id}:${row.pattern}`;
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[hunter] security rule ${row.id} "${row.name}" is skipped: ${(error as Error).message}`);
}
