import { db as defaultDb, type Db } from "../db/client";
import { config } from "../config";

/**
 * Takes or renews the lease that makes this worker the one that runs `name`. A loop runs on
 * one worker at a time across every process; when the holder dies, its lease expires and
 * another worker takes over within one lease period.
 */
export async function acquireLoopLease(o: { name: string; owner: string; db?: Db }): Promise<boolean> {
  const db = o.db ?? defaultDb;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.loopLeaseMs);
  const renewed = await db.loopLease.updateMany({ where: { name: o.name, owner: o.owner }, data: { expiresAt } });
  if (renewed.count === 1) return true;
  const taken = await db.loopLease.updateMany({ where: { name: o.name, expiresAt: { lt: now } }, data: { owner: o.owner, expiresAt, acquiredAt: now } });
  if (taken.count === 1) return true;
  try {
    await db.loopLease.create({ data: { name: o.name, owner: o.owner, expiresAt, acquiredAt: now } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false; // someone else holds it
    throw error;
  }
}

export async function releaseLoopLease(o: { name: string; owner: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  await db.loopLease.updateMany({ where: { name: o.name, owner: o.owner }, data: { expiresAt: new Date(0) } });
}

// A loop's state (LoopState) is kept apart from its lease: whoever runs a cycle records it,
// and taking, renewing or releasing a lease never touches it.

/** When the loop last started, how long it took and how it failed; null before its first run. */
export async function readLoopState(o: { name: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  return db.loopState.findUnique({ where: { name: o.name } });
}

/** The scheduler's record of starting a loop (and, for loops it runs itself, how long it took). */
export async function recordLoopRun(o: { name: string; startedAt: Date; error?: string | null; measured: boolean; db?: Db }) {
  const db = o.db ?? defaultDb;
  const data = { lastRunAt: o.startedAt, lastError: o.error ?? null, ...(o.measured ? { lastDurationMs: Date.now() - o.startedAt.getTime() } : {}) };
  await db.loopState.upsert({ where: { name: o.name }, create: { name: o.name, ...data }, update: data });
}

/** A loop that ran as a job records its own duration (the meta loop reads it). */
export async function recordLoopDuration(o: { name: string; durationMs: number; error?: string | null; db?: Db }) {
  const db = o.db ?? defaultDb;
  const data = { lastDurationMs: Math.round(o.durationMs), lastError: o.error ?? null };
  await db.loopState.upsert({ where: { name: o.name }, create: { name: o.name, ...data }, update: data });
}
