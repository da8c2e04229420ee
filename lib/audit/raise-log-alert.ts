import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { recordFindings } from "../hunter/record-findings";

/**
 * A critical security event about the log itself (a forged entry, a rewritten tree, a witness
 * that refused a head), recorded as Hunter records its findings: the event, its audit entry and
 * a "Security alert" task for an admin in one transaction, shown live to admins. The same
 * finding still open is not raised twice: the publisher finds it again every interval until
 * someone acts.
 */
export async function raiseLogAlert(o: { db?: Db; action: `log.${string}`; resource: string; details: string }): Promise<{ eventId: number; raised: boolean }> {
  const db = o.db ?? defaultDb;
  return writeTransaction(async (tx) => {
    const open = await tx.securityEvent.findFirst({ where: { action: o.action, resource: o.resource, status: "open" }, select: { id: true } });
    if (open) return { eventId: open.id, raised: false };
    // The event's action is "<target>.<rule>": target "log" and the rule "tampered" make "log.tampered".
    const finding = { rule: o.action.slice("log.".length), severity: "critical" as const, details: o.details.slice(0, 2000), action: "alert" as const };
    const [event] = await recordFindings({ tx, findings: [finding], input: { target: "log", user: null }, resource: o.resource });
    return { eventId: event.id, raised: true };
  }, db);
}
