import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { enqueue } from "../jobs/enqueue";

/**
 * Runs a loop's cycle now: a job at the front of the queue, audited. While one is already
 * waiting or running, that one is returned: asking twice does not run twice.
 */
export async function triggerLoop(o: { name: "reflection" | "meta"; user: { id: number; username: string } }) {
  return writeTransaction(async (tx) => {
    const pending = await tx.job.findFirst({ where: { kind: o.name, status: { in: ["queued", "running"] } }, orderBy: { id: "desc" } });
    if (pending) return pending;
    const job = await enqueue({ tx, kind: o.name, description: `${o.name} cycle requested by ${o.user.username}`, priority: 20, createdById: o.user.id });
    await append({ tx, actor: o.user.username, action: "loop.trigger", resource: `loop:${o.name}`, subsystem: "loops", payload: { job_id: job.id }, result: "success" });
    return job;
  });
}
