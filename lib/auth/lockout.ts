// Sign-in lockout, kept in the database so it holds across restarts and processes. Only
// failures count: GRACE_LOGIN_MAX_FAILURES for one username from one IP inside
// GRACE_LOGIN_WINDOW_SECONDS (or GRACE_LOGIN_MAX_FAILURES_PER_IP for one IP across
// usernames) lock for GRACE_LOGIN_LOCK_SECONDS from the failure that tipped it. Refused
// attempts are not recorded, so an attacker cannot extend the lock forever.
import type { Db, Tx } from "../db/client";
import { config } from "../config";

export type LockStatus = { locked: boolean; retryAfterSeconds: number; recentFailures: number };

async function check(db: Db | Tx, where: { username?: string; ip: string }, max: number, now: number): Promise<LockStatus> {
  const { windowSeconds, lockSeconds } = config.lockout;
  const failures = await db.signInAttempt.findMany({
    where: { ...where, outcome: "failure", createdAt: { gt: new Date(now - (windowSeconds + lockSeconds) * 1000) } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: Math.max(max, 1),
  });
  const recentFailures = failures.filter((f) => f.createdAt.getTime() > now - windowSeconds * 1000).length;
  if (max <= 0 || failures.length < max) return { locked: false, retryAfterSeconds: 0, recentFailures };
  const newest = failures[0].createdAt.getTime();
  const oldest = failures[max - 1].createdAt.getTime();
  const lockedUntil = newest + lockSeconds * 1000;
  if (newest - oldest <= windowSeconds * 1000 && lockedUntil > now) {
    return { locked: true, retryAfterSeconds: (lockedUntil - now) / 1000, recentFailures };
  }
  return { locked: false, retryAfterSeconds: 0, recentFailures };
}

export async function lockStatus(o: { db: Db | Tx; username: string; ip: string; now?: number }): Promise<LockStatus> {
  const { db } = o;
  const now = o.now ?? Date.now();
  const [pair, ip] = await Promise.all([
    check(db, { username: o.username.toLowerCase(), ip: o.ip }, config.lockout.maxFailures, now),
    check(db, { ip: o.ip }, config.lockout.maxFailuresPerIp, now),
  ]);
  if (pair.locked || ip.locked) {
    return { locked: true, retryAfterSeconds: Math.max(pair.retryAfterSeconds, ip.retryAfterSeconds), recentFailures: pair.recentFailures };
  }
  return pair;
}

/** How long to hold a failed answer: nothing for the first few, then a growing pause. */
export function failureDelayMs(recentFailures: number): number {
  const { slowAfter, slowStepMs } = config.lockout;
  return recentFailures <= slowAfter ? 0 : Math.min(2000, (recentFailures - slowAfter) * slowStepMs);
}
