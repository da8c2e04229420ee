import { setTimeout as sleep } from "node:timers/promises";
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { dummyPasswordHash, verifyPassword } from "./password";
import { failureDelayMs, lockStatus } from "./lockout";
import { config } from "../config";
import type { AuthUser, Role } from "./schemas";
import { ANONYMOUS_ACTOR, SYSTEM_ACTOR } from "../audit/actors";
import { loadAuthRules, watchSignInFailure } from "../hunter/watch-sign-in";

export type SignInOptions<T> = {
  username: string;
  password: string;
  ip: string;
  /** "web" (the sign-in page) or "api" (POST /api/auth/login), for the audit log. */
  via: "web" | "api";
  /** Runs inside the transaction that records the success (e.g. to issue a token). */
  onSuccess?: (tx: Tx, user: AuthUser) => Promise<T>;
  db?: Db;
};

export type SignInResult<T> =
  | { ok: true; user: AuthUser; extra: T; sessionVersion: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

/**
 * Checks a username and password for both the sign-in page and the legacy login API:
 * refuses while locked out, records the attempt and audits it in one transaction.
 */
export async function signIn<T = undefined>(o: SignInOptions<T>): Promise<SignInResult<T>> {
  const db = o.db ?? defaultDb;
  const username = o.username.trim().toLowerCase();
  // Cheap refusal before the slow password hash; checked again below, where it counts.
  const early = await lockStatus({ db, username, ip: o.ip });
  if (early.locked) return { ok: false, reason: "locked", retryAfterSeconds: early.retryAfterSeconds };

  const user = await db.user.findUnique({ where: { username } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), o.password);
  const ok = Boolean(user && passwordOk && !user.disabledAt);
  const authRules = ok ? [] : await loadAuthRules({ db });

  // Attempts are serialised here (writeTransaction takes the log head first), so parallel
  // guesses cannot all slip past the check above: the one that tips the count locks the rest
  // out, even if a later guess is right.
  const outcome = await writeTransaction(async (tx) => {
    const lock = await lockStatus({ db: tx, username, ip: o.ip });
    if (lock.locked) return { kind: "locked" as const, retryAfterSeconds: lock.retryAfterSeconds };
    await tx.signInAttempt.create({ data: { username, ip: o.ip, outcome: ok ? "success" : "failure" } });
    await append({
      tx,
      // An unknown name is not an actor: it could be "system". It goes in the payload.
      actor: user ? user.username : ANONYMOUS_ACTOR,
      action: "auth.login",
      resource: user ? `user:${user.id}` : "user:unknown",
      subsystem: "auth",
      payload: { ip: o.ip, via: o.via, ...(ok ? {} : { reason: user ? "bad_password" : "unknown_user", username }) },
      result: ok ? "success" : "failure",
    });
    if (ok) return { kind: "ok" as const, extra: await o.onSuccess?.(tx, toAuthUser(user!)) };
    // Hunter's brute-force rules count this failure (an alert for admins; the lockout below refuses).
    await watchSignInFailure({ tx, rules: authRules, username, ip: o.ip, user: user ? { id: user.id, username: user.username } : null });
    const after = await lockStatus({ db: tx, username, ip: o.ip });
    if (after.locked) {
      await append({
        tx,
        actor: SYSTEM_ACTOR,
        action: "auth.lockout",
        resource: user ? `user:${user.id}` : "user:unknown",
        subsystem: "auth",
        payload: { ip: o.ip, username, failures: after.recentFailures, lock_seconds: config.lockout.lockSeconds },
        result: "locked",
      });
    }
    return { kind: "failed" as const, recentFailures: after.recentFailures };
  }, db);

  if (outcome.kind === "locked") return { ok: false, reason: "locked", retryAfterSeconds: outcome.retryAfterSeconds };
  if (outcome.kind === "failed") {
    const delay = failureDelayMs(outcome.recentFailures);
    if (delay > 0) await sleep(delay);
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, user: toAuthUser(user!), extra: outcome.extra as T, sessionVersion: user!.sessionVersion, mustChangePassword: user!.mustChangePassword };
}

export function toAuthUser(u: { id: number; username: string; role: string }): AuthUser {
  return { id: u.id, username: u.username, role: u.role as Role };
}
