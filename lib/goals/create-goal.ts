import type { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import type { createGoalSchema } from "./schemas";

/** A goal the user sets themself, audited, inside the caller's write transaction. */
export async function createGoal(o: { tx: Tx; user: { id: number; username: string }; input: z.output<typeof createGoalSchema> }) {
  const { tx } = o;
  const goal = await tx.goal.create({ data: { userId: o.user.id, goalText: o.input.goal_text, targetDate: o.input.target_date ? new Date(o.input.target_date) : null } });
  await append({ tx, actor: o.user.username, action: "goal.create", resource: `goal:${goal.id}`, subsystem: "goals", payload: { goal_text: goal.goalText }, result: "success" });
  return goal;
}
