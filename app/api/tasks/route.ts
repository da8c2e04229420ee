import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { writeTransaction } from "@/lib/db/transaction";
import { createTask } from "@/lib/tasks/create-task";
import { listTasks } from "@/lib/tasks/list-tasks";
import { TASK_STATUSES, createTaskSchema, serializeTask } from "@/lib/tasks/schemas";

const query = paginationQuery.extend({ status: z.enum(TASK_STATUSES).optional() });

// The caller's own to-dos, newest first (a bare array, as before; next cursor in X-Next-Cursor).
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listTasks({ user, status: query.status, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});

export const POST = route({ body: createTaskSchema }, async ({ user, body }) => {
  const task = await writeTransaction((tx) => createTask({ tx, user, input: body }));
  return json(serializeTask(task), { status: 201 });
});
