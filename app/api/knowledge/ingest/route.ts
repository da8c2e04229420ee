import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { addText } from "@/lib/knowledge/add-text";
import { ingestTextSchema } from "@/lib/knowledge/ingest-text";
import { truncate } from "@/lib/text/truncate";

// The earlier API's knowledge ingest: {content, source?, category?} → {status, id}. It feeds
// the same artifacts (and the same search) as /api/ingest/text.
const body = z.object({
  content: ingestTextSchema.shape.content,
  source: z.string().trim().max(256).default("manual"),
  category: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a short name of letters, digits, '-' or '_'").default("general"),
});

export const POST = route({ body }, async ({ user, body }) => {
  const firstLine = truncate(body.content.trim().split("\n")[0], 80, "") || "Untitled";
  const input = ingestTextSchema.parse({ title: firstLine, content: body.content, domain: body.category, metadata: { legacy_source: body.source } });
  const { status, artifact } = await addText({ user, input, source: "legacy" });
  return json({ status, id: artifact.id }, { status: status === "ingested" ? 201 : 200 });
});
