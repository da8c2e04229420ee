import { z } from "zod";
import type { Db } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { scan } from "../hunter/scan";
import { ForbiddenError } from "../errors";
import { editArtifact } from "../knowledge/update-artifact";
import { ingestTextSchema } from "../knowledge/ingest-text";

export const updateItemSchema = z.object({
  content: ingestTextSchema.shape.content,
  reason: z.string().trim().max(500, "must be at most 500 characters").default(""),
});

/**
 * PATCH /api/memory/items/:id: new content becomes a new version (owner or admin; the earlier
 * API let anyone edit anything). Hunter scans it first; a blocking finding refuses it.
 */
export async function updateMemoryItem(o: { user: AuthUser; id: number; input: z.output<typeof updateItemSchema>; db?: Db }) {
  const findings = await scan({ target: "content", text: o.input.content, user: o.user });
  const blocking = findings.find((f) => f.action === "block");
  if (blocking) throw new ForbiddenError(`Blocked by the security rule "${blocking.rule}"`);
  await editArtifact({ user: o.user, id: o.id, changes: { content: o.input.content, reason: o.input.reason || undefined }, db: o.db });
  return { success: true, security_alerts: findings.length };
}
