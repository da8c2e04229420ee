// Restart requests (POST /api/health/restart → lib/system/request-restart.ts) as the
// supervisor sees them: claim the oldest pending one, then finish it (done is recorded with
// the restart itself, in process-table.ts) or fail it.
import type { Db } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import { append } from "../../audit";
import { SYSTEM_ACTOR } from "../../audit/actors";

export type ClaimedCommand = { id: number; action: string; component: string; requestedBy: string };

/**
 * Takes the oldest pending command for `supervisor`. The claim is a compare-and-set on the
 * status (one UPDATE … WHERE status = 'pending'), so when several supervisors poll one
 * database exactly one of them gets each command; a loser looks at the next one.
 */
export async function claimCommand(o: { db: Db; supervisor: string }): Promise<ClaimedCommand | null> {
  for (;;) {
    const next = await o.db.supervisorCommand.findFirst({ where: { status: "pending" }, orderBy: { id: "asc" }, select: { id: true, action: true, component: true, requestedBy: true } });
    if (!next) return null;
    const claimed = await o.db.supervisorCommand.updateMany({ where: { id: next.id, status: "pending" }, data: { status: "claimed", claimedBy: o.supervisor, claimedAt: new Date() } });
    if (claimed.count === 1) return next;
  }
}

/** A command the supervisor could not carry out: failed, with the reason, audited. */
export async function failCommand(o: { db: Db; command: ClaimedCommand; error: string }) {
  await writeTransaction(async (tx) => {
    await tx.supervisorCommand.update({ where: { id: o.command.id }, data: { status: "failed", error: o.error, finishedAt: new Date() } });
    await append({
      tx,
      actor: SYSTEM_ACTOR,
      action: "system.restart",
      resource: `process:${o.command.component}`,
      subsystem: "health",
      payload: { reason: "requested", command_id: o.command.id, requested_by: o.command.requestedBy, error: o.error },
      result: "failure",
    });
  }, o.db);
}
