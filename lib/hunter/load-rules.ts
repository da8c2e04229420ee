// The enabled rules, as this process last read them. Several web processes may run, so a
// change cannot be pushed to all of them: each keeps what it read for CACHE_MS (a short
// TTL — a changed rule is in force everywhere within two seconds and one read), and the process that
// made the change drops its copy at once (invalidateRules), so an admin sees their own change
// take effect on their next request. Compiled patterns are cached by text (compile-rule.ts),
// so a re-read does not recompile what did not change.
import { db as defaultDb, type Db } from "../db/client";
import { compileRule, type CompiledRule } from "./compile-rule";
import type { Target } from "./rule-fields";

export const CACHE_MS = 2000;

type Cached = { at: number; rules: CompiledRule[]; refreshing: Promise<CompiledRule[]> | null };
const cache = new WeakMap<Db, Cached>();
const first = new WeakMap<Db, Promise<CompiledRule[]>>();
/** Bumped by invalidateRules: a read that started before it must not be kept. */
let generation = 0;

async function read(db: Db): Promise<CompiledRule[]> {
  const rows = await db.securityRule.findMany({
    where: { enabled: true },
    select: { id: true, name: true, description: true, target: true, kind: true, pattern: true, threshold: true, windowSeconds: true, severity: true, action: true },
    orderBy: { id: "asc" },
  });
  return rows.map(compileRule).filter((r): r is CompiledRule => r !== null);
}

function refresh(db: Db): Promise<CompiledRule[]> {
  const started = Date.now();
  const startedIn = generation;
  const reading = read(db).then(
    (rules) => {
      if (startedIn === generation) cache.set(db, { at: started, rules, refreshing: null });
      return rules;
    },
    (error) => {
      // A failed read is not kept: the next call tries again.
      const known = cache.get(db);
      if (known) known.refreshing = null;
      throw error;
    },
  );
  const known = cache.get(db);
  if (known) known.refreshing = reading;
  return reading;
}

/**
 * Past CACHE_MS the rules are read again, but the request that notices does not wait for the
 * read (it would add a database round trip to one chat turn in every few): it is served what
 * was read before, and the next requests get the new rules. Only the very first scan in a
 * process, and one after invalidateRules, waits.
 */
async function all(db: Db): Promise<CompiledRule[]> {
  const now = Date.now();
  const known = cache.get(db);
  if (!known) {
    let pending = first.get(db);
    if (!pending) {
      pending = refresh(db).finally(() => first.delete(db));
      first.set(db, pending);
    }
    return pending;
  }
  // A clock that went back counts as expired too.
  if ((now < known.at || now - known.at >= CACHE_MS) && !known.refreshing) refresh(db).catch((error) => console.error("[hunter] reading the security rules failed", error));
  return known.rules;
}

/** The enabled rules that apply to `target`. */
export async function loadRules(o: { target: Target; db?: Db }): Promise<CompiledRule[]> {
  return (await all(o.db ?? defaultDb)).filter((r) => r.targets.includes(o.target));
}

/** Forget what this process read (after a rule changed here). */
export function invalidateRules(o: { db?: Db } = {}) {
  generation++;
  cache.delete(o.db ?? defaultDb);
  first.delete(o.db ?? defaultDb);
}
