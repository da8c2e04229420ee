import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { append } from "@/lib/audit";
import { createGoalSchema, serializeGoal } from "@/lib/goals/schemas";

export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const rows = await db.goal.findMany({ where: { userId: user.id, ...(query.cursor ? { id: { lt: query.cursor } } : {}) }, orderBy: { id: "desc" }, take: query.limit + 1 });
  const { items, next_cursor } = page(rows, query.limit, (g) => g.id);
  return bareList(items.map(serializeGoal), next_cursor);
});

export const POST = route({ body: createGoalSchema }, async ({ user, body }) => {
  const goal = await writeTransaction(async (tx) => {
    const goal = await tx.goal.create({ data: { userId: user.id, goalText: body.goal_text, targetDate: body.target_date ? new Date(body.target_date) : null } });
    await append(tx, { actor: user.username, action: "goal.create", resource: `goal:${goal.id}`, subsystem: "goals", payload: { goal_text: goal.goalText }, result: "success" });
    return goal;
  });
  return json(serializeGoal(goal), { status: 201 });
});
