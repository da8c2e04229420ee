import { z } from "zod";
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteConversation, renameConversation } from "@/lib/chat/conversations";

const params = idParams("a conversation id");
const body = z.object({ title: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters") });

export const PATCH = route({ params, body }, async ({ user, params, body }) => {
  const c = await writeTransaction((tx) => renameConversation({ tx, user, id: params.id, title: body.title }));
  return { id: c.id, title: c.title, updated_at: c.updatedAt.toISOString() };
});

export const DELETE = route({ params }, async ({ user, params }) => {
  await writeTransaction((tx) => deleteConversation({ tx, user, id: params.id }));
});
