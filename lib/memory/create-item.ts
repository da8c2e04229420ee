import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { recordFindings, scan } from "../hunter/scan";
import { ForbiddenError } from "../errors";
import { ingestText, ingestTextSchema, manualTrust, prepareContent } from "../knowledge/ingest-text";
import { itemPathSchema } from "./item-path";

export const createItemSchema = z.object({
  path: itemPathSchema,
  content: ingestTextSchema.shape.content,
  domain: ingestTextSchema.shape.domain,
  category: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a short name of letters, digits, '-' or '_'").default("knowledge"),
  metadata: z.record(z.string(), z.unknown()).optional(),
  reason: z.string().trim().max(500, "must be at most 500 characters").default(""),
});

/**
 * POST /api/memory/items: a shared artifact at exactly the path the client names (409 when
 * one lives there), scanned by Hunter first (a blocking finding refuses it; the others are
 * stored with it). `security_alerts` counts the findings.
 */
export async function createMemoryItem(o: { user: { id: number; username: string }; input: z.output<typeof createItemSchema>; db?: Db }) {
  const { path, content, domain, category, metadata, reason } = o.input;
  const prepared = prepareContent(content);
  const scanInput = { target: "content" as const, text: prepared.content, user: o.user };
  const findings = await scan(scanInput);
  const blocking = findings.find((f) => f.action === "block");
  const title = path.split("/").pop()!;
  const input = ingestTextSchema.parse({ title, content, domain, metadata: { ...metadata, ...(reason ? { reason } : {}) } });
  const result = await writeTransaction(async (tx) => {
    await recordFindings({ tx, findings, input: scanInput, resource: `memory:${path}`, blocked: Boolean(blocking) });
    if (blocking) return null;
    return ingestText({ tx, user: o.user, input, prepared, source: "legacy", trustScore: manualTrust(), exactPath: path, category });
  }, o.db ?? defaultDb);
  if (!result) throw new ForbiddenError(`Blocked by the security rule "${blocking!.rule}"`);
  return { id: result.artifact.id, path: result.artifact.path, status: result.status, security_alerts: findings.length };
}
