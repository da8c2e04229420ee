// Brute-force detection: called by signIn (lib/auth/sign-in.ts) in the transaction that
// records a failed attempt, with the auth rules it loaded before opening it. The lockout
// (lib/auth/lockout.ts) is what refuses further guesses; these rules tell admins about them,
// per attempted username (whichever IPs the guesses come from) and per IP.
import type { Db, Tx } from "../db/client";
import { loadRules } from "./load-rules";
import { recordFindings } from "./record-findings";
import { signInFailureFindings } from "./thresholds";
import type { CompiledRule } from "./compile-rule";

export function loadAuthRules(o: { db?: Db } = {}): Promise<CompiledRule[]> {
  return loadRules({ target: "auth", db: o.db });
}

export async function watchSignInFailure(o: { tx: Tx; rules: CompiledRule[]; username: string; ip: string; user: { id: number; username: string } | null }) {
  if (!o.rules.length) return [];
  const findings = await signInFailureFindings({ tx: o.tx, rules: o.rules, username: o.username, ip: o.ip });
  return recordFindings({ tx: o.tx, findings, input: { target: "auth", user: o.user }, resource: o.user ? `user:${o.user.id}` : `ip:${o.ip}` });
}
