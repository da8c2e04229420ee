import type { Tx } from "../db/client";
import { Prisma } from "../db/client";
import { jobPayloads, type JobKind } from "./kinds";
import { config } from "../config";
import { afterCommit } from "../db/after-commit";
import { jobSignals } from "./signals";

export type EnqueueOptions<K extends JobKind> = {
  kind: K;
  payload?: unknown;
  description?: string;
  priority?: number;
  maxAttempts?: number;
  runAt?: Date;
  /** A second enqueue with the same key returns the first job instead of a new one. */
  idempotencyKey?: string;
  createdById?: number | null;
};

/**
 * Adds a job inside the caller's transaction, so the job exists exactly when the change
 * that caused it was committed. The payload is validated against the kind's schema.
 */
export async function enqueue<K extends JobKind>(o: { tx: Tx } & EnqueueOptions<K>) {
  const { tx } = o;
  const payload = jobPayloads[o.kind].parse(o.payload ?? {});
  if (o.idempotencyKey) {
    const existing = await tx.job.findUnique({ where: { idempotencyKey: o.idempotencyKey } });
    if (existing) return existing;
  }
  const runAt = o.runAt ?? new Date();
  // Idle workers claim it as soon as it is committed, not at their next poll.
  if (runAt.getTime() <= Date.now()) afterCommit({ tx, run: () => jobSignals().send({ type: "ready" }) });
  return tx.job.create({
    data: {
      kind: o.kind,
      payload: payload as Prisma.InputJsonValue,
      description: o.description ?? "",
      priority: o.priority ?? 0,
      maxAttempts: o.maxAttempts ?? config.queue.defaultMaxAttempts,
      runAt,
      idempotencyKey: o.idempotencyKey ?? null,
      createdById: o.createdById ?? null,
    },
  });
}
