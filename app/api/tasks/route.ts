import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { createTask } from "@/lib/tasks/create-task";
import { TASK_STATUSES, createTaskSchema, serializeTask } from "@/lib/tasks/schemas";

const query = paginationQuery.extend({ status: z.enum(TASK_STATUSES).optional() });

// The caller's own to-dos, newest first (a bare array, as before; next cursor in X-Next-Cursor).
export const GET = route({ query }, async ({ user, query }) => {
  const rows = await db.task.findMany({
    where: { userId: user.id, ...(query.status ? { status: query.status } : {}), ...(query.cursor ? { id: { lt: query.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const { items, next_cursor } = page(rows, query.limit, (t) => t.id);
  return bareList(items.map(serializeTask), next_cursor);
});

export const POST = route({ body: createTaskSchema }, async ({ user, body }) => {
  const task = await writeTransaction((tx) => createTask(tx, { user, input: body }));
  return json(serializeTask(task), { status: 201 });
});
