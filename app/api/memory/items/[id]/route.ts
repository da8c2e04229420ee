import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { updateItemSchema, updateMemoryItem } from "@/lib/memory/update-item";

const params = idParams("an item id");

// {content, reason?} → {success: true, security_alerts}; the new content is a new version.
export const PATCH = route({ params, body: updateItemSchema }, ({ user, params, body }) => updateMemoryItem({ user, id: params.id, input: body }));
