import { z } from "zod";
import { route } from "@/lib/api/route";
import { decodeCursor } from "@/lib/api/pagination";
import { ingestTextSchema } from "@/lib/knowledge/ingest-text";
import { exportKnowledge } from "@/lib/memory/export-knowledge";
import { watchExport } from "@/lib/hunter/watch-export";

const domains = z.array(ingestTextSchema.shape.domain).max(100);
// The earlier API took a bare JSON array of domain names; {domains} works too; no body: all.
const body = z.preprocess((b) => (Array.isArray(b) ? { domains: b } : b), z.object({ domains: domains.optional() })).transform((b) => b.domains ?? []);
const query = z.object({
  limit: z.coerce.number().int().min(1).max(500, "must be at most 500").default(100),
  cursor: z
    .string()
    .optional()
    .transform((c, ctx) => {
      if (!c) return undefined;
      const key = decodeCursor(c);
      if (key === null) ctx.addIssue({ code: "custom", message: "is not a cursor this API issued" });
      return key ?? undefined;
    }),
});

// Your knowledge — every version's content and provenance — as JSON that POST /api/memory/import takes back.
// Audited with its size, which Hunter's exfiltration rules add up (lib/hunter/watch-export.ts).
export const POST = route({ body, query }, async ({ user, ip, body, query }) => {
  const result = await exportKnowledge({ user, domains: body, limit: query.limit, cursor: query.cursor });
  await watchExport({ user, ip, rows: result.artifact_count });
  return result;
});
