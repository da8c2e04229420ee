import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { createItemSchema, createMemoryItem } from "@/lib/memory/create-item";

// {path, content, domain?, category?, metadata?, reason?} → 201 {id, path, status, security_alerts}.
export const POST = route({ body: createItemSchema }, async ({ user, body }) => {
  const item = await createMemoryItem({ user, input: body });
  return json(item, { status: item.status === "ingested" ? 201 : 200 });
});
