import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { writeTransaction } from "@/lib/db/transaction";
import { createGoal } from "@/lib/goals/create-goal";
import { listGoals } from "@/lib/goals/list-goals";
import { createGoalSchema, serializeGoal } from "@/lib/goals/schemas";

export const GET = route({ query: paginationQuery }, async ({ user, query }) => {
  const { items, next_cursor } = await listGoals({ user, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});

export const POST = route({ body: createGoalSchema }, async ({ user, body }) => {
  const goal = await writeTransaction((tx) => createGoal({ tx, user, input: body }));
  return json(serializeGoal(goal), { status: 201 });
});
