import type { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { NotFoundError } from "../errors";
import type { updateGoalSchema } from "./schemas";

/** Changes one of the user's goals; completing stamps completed_at once. Audited. */
export async function updateGoal(o: { tx: Tx; user: { id: number; username: string }; id: number; changes: z.output<typeof updateGoalSchema> }) {
  const { tx } = o;
  const goal = await tx.goal.findFirst({ where: { id: o.id, userId: o.user.id } });
  if (!goal) throw new NotFoundError("goal");
  const c = o.changes;
  const updated = await tx.goal.update({
    where: { id: goal.id },
    data: {
      ...(c.goal_text !== undefined ? { goalText: c.goal_text } : {}),
      ...(c.target_date !== undefined ? { targetDate: c.target_date ? new Date(c.target_date) : null } : {}),
      ...(c.status !== undefined ? { status: c.status, completedAt: c.status === "completed" ? (goal.completedAt ?? new Date()) : null } : {}),
    },
  });
  await append({ tx, actor: o.user.username, action: "goal.update", resource: `goal:${goal.id}`, subsystem: "goals", payload: { changes: c }, result: "success" });
  return updated;
}
