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
import { RE2JS } from "re2js";
import { db as defaultDb, type Db } from "../db/client";
import type { CodeLanguage } from "./languages";

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

function compile(row: { id: number; name: string; pattern: string }): RE2JS | null {
  if (compiled.has(row.pattern)) return compiled.get(row.pattern)!;
  let regex: RE2JS | null = null;
  try {
    regex = RE2JS.compile(row.pattern);
  } catch (error) {
    console.warn(`[hunter] security rule ${row.id} "${row.name}" is skipped: its pattern is not one re2js can compile (${(error as Error).message})`);
  }
  compiled.set(row.pattern, regex);
  return regex;
}

export function toCodeRule(row: { id: number; name: string; description: string; pattern: string; severity: string; action: string }): CodeRule | null {
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
    where: { enabled: true, target: { in: ["code", "all"] } },
    select: { id: true, name: true, description: true, pattern: true, severity: true, action: true },
    orderBy: { id: "asc" },
  });
  return rows.map(toCodeRule).filter((r): r is CodeRule => r !== null);
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
