import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import { serializeAlert } from "./serialize";

/**
 * Closes an open alert with a note (status "resolved", or "dismissed" for a false alarm), and
 * completes its "Security alert" task when that is still open. Deciding twice is a 409: the
 * update only takes an open row, so two admins at once cannot both close it.
 */
export async function resolveAlert(o: { tx: Tx; admin: { username: string }; id: number; note: string; status?: "resolved" | "dismissed" }) {
  const { tx } = o;
  const status = o.status ?? "resolved";
  const now = new Date();
  const { count } = await tx.securityEvent.updateMany({ where: { id: o.id, status: "open" }, data: { status, resolutionNote: o.note, resolvedBy: o.admin.username, resolvedAt: now } });
  const event = await tx.securityEvent.findUnique({ where: { id: o.id } });
  if (!event) throw new NotFoundError("Alert");
  if (!count) throw new ConflictError(`This alert was already ${event.status}${event.resolvedBy ? ` by ${event.resolvedBy}` : ""}`);
  if (event.taskId) await tx.task.updateMany({ where: { id: event.taskId, status: { in: ["pending", "in_progress"] } }, data: { status: "completed", completedAt: now } });
  await append({ tx, actor: o.admin.username, action: "hunter.alert.resolve", resource: `security_event:${event.id}`, subsystem: "hunter", payload: { status, note: o.note, task_id: event.taskId }, result: "success" });
  return serializeAlert(event);
}
