import type { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { NotFoundError } from "../errors";
import type { updateTaskSchema } from "./schemas";

/** Updates one of the user's own tasks; completing stamps completed_at, reopening clears it. */
export async function updateTask(o: { tx: Tx; user: { id: number; username: string }; taskId: number; changes: z.output<typeof updateTaskSchema> }) {
  const { tx } = o;
  const task = await tx.task.findFirst({ where: { id: o.taskId, userId: o.user.id } });
  if (!task) throw new NotFoundError("task");
  const completedAt =
    o.changes.status === undefined ? undefined : o.changes.status === "completed" ? (task.completedAt ?? new Date()) : null;
  const updated = await tx.task.update({ where: { id: task.id }, data: { ...o.changes, ...(completedAt !== undefined ? { completedAt } : {}) } });
  await append({
    tx,
    actor: o.user.username,
    action: "task.update",
    resource: `task:${task.id}`,
    subsystem: "tasks",
    payload: { changes: o.changes, previous_status: task.status },
    result: "success",
  });
  return updated;
}
