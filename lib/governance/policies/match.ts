// Which policy decides an action: the first enabled one, by priority (lower first, then id),
// whose condition holds. No match allows. Pure: the caller supplies the clock and the counts a
// rate condition needs (countsNeeded says which), so the table test needs no database.
import { RE2JS } from "re2js";
import { conditionSchema, type Condition } from "./condition";

export type Decision = "allow" | "review" | "block";

export type PolicyRow = { id: number; name: string; priority: number; enabled: boolean; decision: string; actionType: string; condition: unknown };

export type ActionFacts = {
  actionType: string;
  resource: string;
  payload: unknown;
  role: string;
  /** The action's trust score, for actions that have one (URL ingestion). */
  trustScore?: number | null;
  now: Date;
  /** How many of this action the user did within each window (seconds) the candidates' rate parts name. */
  recent?: ReadonlyMap<number, number>;
};

const MAX_RESOURCE = 2048;
const MAX_TEXT = 64 * 1024;

export function byPriority(a: PolicyRow, b: PolicyRow) {
  return a.priority - b.priority || a.id - b.id;
}

/** The deciding policy, or null when none matches (the action is allowed). */
export function matchPolicy<P extends PolicyRow>(policies: readonly P[], facts: ActionFacts): P | null {
  const candidates = policies.filter((p) => p.enabled && p.actionType === facts.actionType).sort(byPriority);
  let text: string | undefined; // built once, only if a keyword part asks
  for (const p of candidates) {
    const condition = parseStored(p.condition);
    if (!condition) return p; // a stored condition that no longer parses fails closed: the policy applies
    if (matches(condition, facts, () => (text ??= payloadWords(facts.payload)))) return p;
  }
  return null;
}

/** The rate windows (seconds) the enabled policies for this action would need counted. */
export function countsNeeded(policies: readonly PolicyRow[], actionType: string): number[] {
  const windows = new Set<number>();
  for (const p of policies) {
    if (!p.enabled || p.actionType !== actionType) continue;
    const rate = parseStored(p.condition)?.rate;
    if (rate) windows.add(rate.window_seconds);
  }
  return [...windows];
}

function parseStored(raw: unknown): Condition | null {
  if (raw === null || raw === undefined) return {};
  const parsed = conditionSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function matches(c: Condition, f: ActionFacts, words: () => string): boolean {
  if (c.resource !== undefined && !globMatches(c.resource, f.resource)) return false;
  if (c.roles && !c.roles.includes(f.role as "admin" | "user")) return false;
  if (c.trust_score) {
    const s = f.trustScore;
    if (s === null || s === undefined) return false;
    if (c.trust_score.min !== undefined && s < c.trust_score.min) return false;
    if (c.trust_score.max !== undefined && s > c.trust_score.max) return false;
  }
  if (c.time_window && !inWindow(c.time_window, f.now)) return false;
  if (c.keywords) {
    const text = words();
    if (!c.keywords.some((k) => text.includes(` ${normalizeWords(k)} `))) return false;
  }
  if (c.rate) {
    const done = f.recent?.get(c.rate.window_seconds) ?? 0;
    if (done < c.rate.max) return false;
  }
  return true;
}

const compiled = new Map<string, RE2JS>();

/** Whole-string glob match (* any run, ? one character), through RE2: linear in the resource's length. */
export function globMatches(glob: string, resource: string): boolean {
  let re = compiled.get(glob);
  if (!re) {
    const source = [...glob].map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : RE2JS.quote(ch))).join("");
    re = RE2JS.compile(`(?s)${source}`);
    if (compiled.size > 500) compiled.clear();
    compiled.set(glob, re);
  }
  return re.matches(resource.slice(0, MAX_RESOURCE));
}

function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean)
    .join(" ");
}

/** The payload's string and number values as " word word … ", capped, for whole-word lookups. */
function payloadWords(payload: unknown): string {
  const parts: string[] = [];
  let size = 0;
  const walk = (v: unknown, depth: number) => {
    if (size > MAX_TEXT || depth > 20) return;
    if (typeof v === "string" || typeof v === "number") {
      const s = String(v).slice(0, MAX_TEXT - size);
      size += s.length + 1;
      parts.push(s);
    } else if (Array.isArray(v)) for (const x of v) walk(x, depth + 1);
    else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(payload, 0);
  return ` ${normalizeWords(parts.join(" "))} `;
}

const DAY_INDEX: Record<string, string> = { Mon: "mon", Tue: "tue", Wed: "wed", Thu: "thu", Fri: "fri", Sat: "sat", Sun: "sun" };

function inWindow(w: NonNullable<Condition["time_window"]>, now: Date): boolean {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: w.time_zone, weekday: "short", hour: "numeric", hourCycle: "h23" }).formatToParts(now);
  const day = DAY_INDEX[parts.find((p) => p.type === "weekday")?.value ?? ""];
  const hour = Number(parts.find((p) => p.type === "hour")?.value);
  if (w.days && !w.days.includes(day as (typeof w.days)[number])) return false;
  if (w.hours) {
    const { from, to } = w.hours;
    const inside = from < to ? hour >= from && hour < to : hour >= from || hour < to;
    if (!inside) return false;
  }
  return true;
}
