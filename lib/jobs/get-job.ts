import { db as defaultDb, type Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { ownedScope } from "../auth/access";
import { NotFoundError } from "../errors";
import { serializeJobFor } from "./serialize";

/** One job as the user may see it: their own (an admin: any, the loops' included). */
export async function getJob(o: { user: AuthUser; jobId: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const job = await db.job.findFirst({ where: { id: o.jobId, ...ownedScope(o.user, "createdById") } });
  if (!job) throw new NotFoundError("task");
  return serializeJobFor(o.user, job);
}
