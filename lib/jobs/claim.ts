import { randomBytes } from "node:crypto";
import { db as defaultDb, databaseProvider, type Db } from "../db/client";
import { config } from "../config";

/**
 * Atomically moves up to `limit` due jobs (highest priority, then oldest) to running under
 * this worker's lease. PostgreSQL: FOR UPDATE SKIP LOCKED, so workers never wait on or take
 * each other's rows. SQLite: one UPDATE statement, which holds the write lock from its first
 * step — the same as an immediate transaction.
 *
 * The lease owner is this worker's id plus a token new to this claim, so a run that lost its
 * job (cancelled, then retried and claimed again by the same worker) can no longer heartbeat,
 * complete or fail it: only the current claim can.
 */
export async function claimJobs(o: { workerId: string; limit: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  if (o.limit <= 0) return [];
  const owner = `${o.workerId}#${randomBytes(4).toString("hex")}`;
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + config.queue.leaseMs);
  const rows =
    databaseProvider() === "postgres"
      ? await db.$queryRaw<{ id: number }[]>`
          UPDATE "Job" SET "status" = 'running', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil},
            "heartbeatAt" = ${now}, "attempts" = "attempts" + 1, "startedAt" = ${now}, "updatedAt" = ${now},
            "error" = NULL, "progress" = 0, "progressMessage" = NULL
          WHERE "id" IN (
            SELECT "id" FROM "Job" WHERE "status" = 'queued' AND "runAt" <= ${now}
            ORDER BY "priority" DESC, "runAt", "id" LIMIT ${o.limit} FOR UPDATE SKIP LOCKED)
          RETURNING "id"`
      : await db.$queryRaw<{ id: number | bigint }[]>`
          UPDATE "Job" SET "status" = 'running', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseUntil},
            "heartbeatAt" = ${now}, "attempts" = "attempts" + 1, "startedAt" = ${now}, "updatedAt" = ${now},
            "error" = NULL, "progress" = 0, "progressMessage" = NULL
          WHERE "id" IN (
            SELECT "id" FROM "Job" WHERE "status" = 'queued' AND "runAt" <= ${now}
            ORDER BY "priority" DESC, "runAt", "id" LIMIT ${o.limit})
          RETURNING "id"`;
  if (!rows.length) return [];
  return db.job.findMany({ where: { id: { in: rows.map((r) => Number(r.id)) } }, orderBy: [{ priority: "desc" }, { id: "asc" }] });
}
