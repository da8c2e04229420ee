// Hunter's rules for code: the enabled SecurityRule rows with target "code" or "all", read
// from the database at most every couple of seconds per process (a changed rule takes
// effect within CACHE_MS everywhere) and compiled with re2js, whose matching is linear in the
// input whatever the pattern. A pattern re2js cannot compile is skipped and logged once.
//
// A rule's name says where it applies: its first dotted part is a language ("python.eval",
// "bash.curl_pipe_shell"; "js." covers JavaScript and TypeScript), and the rule then sees
// that language's code with comments and prose strings hidden (lex.ts). Any other name
// ("secret.aws_access_key", or an admin's own rule) applies to every language and sees the
// text as written. The pattern's first capturing group, when it has one, is the span reported.
import type { RE2JS } from "re2js";
import { db as defaultDb, type Db } from "../db/client";
import type { CodeLanguage } from "./languages";
import { compilePattern } from "../hunter/compile-rule";
import { targetsOf } from "../hunter/rule-fields";

export type RuleSeverity = "low" | "medium" | "high" | "critical";
export type RuleAction = "log" | "alert" | "block";

export type CodeRule = {
  id: number;
  name: string;
  description: string;
  severity: RuleSeverity;
  action: RuleAction;
  /** The languages it applies to; null: all. */
  languages: CodeLanguage[] | null;
  /** "code": the language's code only (comments and prose strings hidden); "text": the text as written. */
  view: "code" | "text";
  regex: RE2JS;
};

/** How long a process keeps the rules it read. */
export const CACHE_MS = 2000;

const FAMILIES: Record<string, CodeLanguage[]> = {
  python: ["python"],
  py: ["python"],
  javascript: ["javascript"],
  typescript: ["typescript"],
  js: ["javascript", "typescript"],
  bash: ["bash"],
  shell: ["bash"],
  sh: ["bash"],
};
const SEVERITIES: RuleSeverity[] = ["low", "medium", "high", "critical"];
const ACTIONS: RuleAction[] = ["log", "alert", "block"];

const cache = new WeakMap<Db, { at: number; rules: Promise<CodeRule[]> }>();
const compiled = new Map<string, RE2JS | null>();

function compile(row: { id: number; name: string; kind?: string; pattern: string }): RE2JS | null {
  const key = `${row.kind ?? "regex"}:${row.pattern}`;
  if (compiled.has(key)) return compiled.get(key)!;
  let regex: RE2JS | null = null;
  try {
    // Keywords rules become one regex there (lib/hunter/compile-rule.ts).
    regex = compilePattern(row.kind ?? "regex", row.pattern);
  } catch (error) {
    console.warn(`[hunter] security rule ${row.id} "${row.name}" is skipped: its pattern is not one re2js can compile (${(error as Error).message})`);
  }
  compiled.set(key, regex);
  return regex;
}

export function toCodeRule(row: { id: number; name: string; description: string; kind?: string; pattern: string; severity: string; action: string }): CodeRule | null {
  const regex = compile(row);
  if (!regex) return null;
  const languages = FAMILIES[row.name.split(".")[0].toLowerCase()] ?? null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    severity: SEVERITIES.includes(row.severity as RuleSeverity) ? (row.severity as RuleSeverity) : "medium",
    action: ACTIONS.includes(row.action as RuleAction) ? (row.action as RuleAction) : "alert",
    languages,
    view: languages ? "code" : "text",
    regex,
  };
}

async function read(db: Db): Promise<CodeRule[]> {
  const rows = await db.securityRule.findMany({
    // A rule's target may list several ("chat,content,code": lib/hunter/rule-fields.ts).
    where: { enabled: true, kind: { not: "threshold" }, OR: [{ target: "all" }, { target: { contains: "code" } }] },
    select: { id: true, name: true, description: true, target: true, kind: true, pattern: true, severity: true, action: true },
    orderBy: { id: "asc" },
  });
  return rows.filter((r) => targetsOf(r.target).includes("code")).map(toCodeRule).filter((r): r is CodeRule => r !== null);
}

/** The code rules in force, as this process last read them (at most `maxAgeMs` ago). */
export async function loadCodeRules(o: { db?: Db; maxAgeMs?: number } = {}): Promise<CodeRule[]> {
  const db = o.db ?? defaultDb;
  const now = Date.now();
  const known = cache.get(db);
  // A clock that went back (a corrected system time) counts as expired too.
  if (known && now >= known.at && now - known.at < (o.maxAgeMs ?? CACHE_MS)) return known.rules;
  const rules = read(db);
  cache.set(db, { at: now, rules });
  // A failed read is not kept: the next call tries again.
  rules.catch(() => cache.get(db)?.rules === rules && cache.delete(db));
  return rules;
}
