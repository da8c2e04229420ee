import { z } from "zod";
import { route } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { append } from "@/lib/audit";
import { serializeGoal, updateGoalSchema } from "@/lib/goals/schemas";

const params = z.object({ id: z.coerce.number().int().positive("must be a goal id") });

export const PATCH = route({ params, body: updateGoalSchema }, async ({ user, params, body }) => {
  const goal = await writeTransaction(async (tx) => {
    const goal = await tx.goal.findFirst({ where: { id: params.id, userId: user.id } });
    if (!goal) throw new NotFoundError("goal");
    const updated = await tx.goal.update({
      where: { id: goal.id },
      data: {
        ...(body.goal_text !== undefined ? { goalText: body.goal_text } : {}),
        ...(body.target_date !== undefined ? { targetDate: body.target_date ? new Date(body.target_date) : null } : {}),
        ...(body.status !== undefined ? { status: body.status, completedAt: body.status === "completed" ? (goal.completedAt ?? new Date()) : null } : {}),
      },
    });
    await append(tx, { actor: user.username, action: "goal.update", resource: `goal:${goal.id}`, subsystem: "goals", payload: { changes: body }, result: "success" });
    return updated;
  });
  return serializeGoal(goal);
});
