// Threshold rules: `threshold` events within `windowSeconds`, per key (a username, a user, an
// IP). Counted from rows Grace keeps anyway — SignInAttempt for failed sign-ins, the
// knowledge.export audit entries for exports — so the count holds across processes and
// restarts. A rule fires once when the count reaches its threshold (the event that crosses
// it), not on every event above it; the callers run inside the write transaction that records
// the event, which serialises them, so exactly one event crosses.
import type { Tx } from "../db/client";
import type { CompiledRule } from "./compile-rule";
import type { Finding } from "./scan";

function finding(rule: CompiledRule, what: string): Finding {
  return { rule: rule.name, ruleId: rule.id, severity: rule.severity, action: rule.action, details: `${rule.description || rule.name}: ${what}` };
}

/** After a failed sign-in was recorded in `tx`: the auth rules it tips over their threshold. */
export async function signInFailureFindings(o: { tx: Tx; rules: CompiledRule[]; username: string; ip: string; now?: number }): Promise<Finding[]> {
  const now = o.now ?? Date.now();
  const findings: Finding[] = [];
  for (const rule of o.rules) {
    const t = rule.threshold;
    if (!t || t.counter !== "auth.failure") continue;
    const key = t.per === "ip" ? { ip: o.ip } : { username: o.username };
    const count = await o.tx.signInAttempt.count({ where: { ...key, outcome: "failure", createdAt: { gt: new Date(now - t.windowSeconds * 1000) } } });
    if (count !== t.limit) continue;
    const who = t.per === "ip" ? `from ${o.ip}` : `for "${o.username}"`;
    findings.push(finding(rule, `${count} failed sign-ins ${who} within ${t.windowSeconds} s`));
  }
  return findings;
}

/**
 * After an export of `rows` rows was audited in `tx` (action knowledge.export, payload
 * {rows, ip}): the request rules whose total it tips over. Reads the window's export entries
 * (by action and time, both indexed) and adds them up here.
 */
export async function exportFindings(o: { tx: Tx; rules: CompiledRule[]; user: { username: string }; ip: string; rows: number; now?: number }): Promise<Finding[]> {
  const now = o.now ?? Date.now();
  const findings: Finding[] = [];
  for (const rule of o.rules) {
    const t = rule.threshold;
    if (!t || t.counter !== "export.rows") continue;
    const entries = await o.tx.logEntry.findMany({
      where: { action: "knowledge.export", timestamp: { gt: new Date(now - t.windowSeconds * 1000) }, ...(t.per === "user" ? { actor: o.user.username } : {}) },
      select: { payload: true },
      take: 10_000,
    });
    let total = 0;
    for (const e of entries) {
      const p = JSON.parse(e.payload) as { rows?: number; ip?: string };
      if (t.per === "ip" && p.ip !== o.ip) continue;
      total += p.rows ?? 0;
    }
    if (total < t.limit || total - o.rows >= t.limit) continue;
    const who = t.per === "ip" ? `from ${o.ip}` : `by "${o.user.username}"`;
    findings.push(finding(rule, `${total} knowledge rows exported ${who} within ${t.windowSeconds} s`));
  }
  return findings;
}
