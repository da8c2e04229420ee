import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { updateTask } from "@/lib/tasks/update-task";
import { serializeTask, updateTaskSchema } from "@/lib/tasks/schemas";

const params = idParams("a task id");

export const PATCH = route({ params, body: updateTaskSchema }, async ({ user, params, body }) => {
  const task = await writeTransaction((tx) => updateTask({ tx, user, taskId: params.id, changes: body }));
  return serializeTask(task);
});
