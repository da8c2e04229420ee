import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { serializeGoal, updateGoalSchema } from "@/lib/goals/schemas";
import { updateGoal } from "@/lib/goals/update-goal";

const params = idParams("a goal id");

export const PATCH = route({ params, body: updateGoalSchema }, async ({ user, params, body }) =>
  serializeGoal(await writeTransaction((tx) => updateGoal({ tx, user, id: params.id, changes: body }))),
);
