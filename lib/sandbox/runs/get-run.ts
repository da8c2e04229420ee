import { db as defaultDb, type Db } from "../../db/client";
import { NotFoundError } from "../../errors";

/** One of the user's runs (someone else's is not found: runs are private, admins' too). */
export async function getRun(o: { db?: Db; userId: number; runId: number }) {
  const run = await (o.db ?? defaultDb).sandboxRun.findFirst({ where: { id: o.runId, userId: o.userId } });
  if (!run) throw new NotFoundError("Run");
  return run;
}
