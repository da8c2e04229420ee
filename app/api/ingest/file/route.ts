import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { invalid, ValidationError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { extractText } from "@/lib/knowledge/extract-text";
import { ingestText, ingestTextSchema, manualTrust } from "@/lib/knowledge/ingest-text";

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const fields = z.object({
  domain: ingestTextSchema.shape.domain,
  visibility: ingestTextSchema.shape.visibility,
  title: z.string().trim().max(256, "must be at most 256 characters").optional(),
});

// multipart/form-data: `file` (.txt .md .html .pdf .json .csv or source code, up to 10 MB),
// and optional `domain`, `visibility`, `title`. 201 {status, artifact_id, filename, size};
// the same content again in the same scope → 200 {status: "duplicate", …}.
export const POST = route({ rawBody: true, maxBodyBytes: MAX_FILE_BYTES + 64 * 1024 }, async ({ req, user }) => {
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw invalid("body", "must be multipart/form-data with a file field");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw invalid("file", "is required (a non-empty file)");
  if (file.size > MAX_FILE_BYTES) throw invalid("file", "must be at most 10 MB");
  const parsed = fields.safeParse({ domain: form.get("domain") || undefined, visibility: form.get("visibility") || undefined, title: form.get("title") || undefined });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));

  const extracted = await extractText({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!extracted.text.trim()) throw invalid("file", "has no text");
  const input = ingestTextSchema.parse({
    title: parsed.data.title || file.name,
    content: extracted.text,
    domain: parsed.data.domain,
    artifact_type: extracted.artifactType,
    visibility: parsed.data.visibility,
    metadata: { filename: file.name, size: file.size },
  });
  const { status, artifact } = await writeTransaction((tx) => ingestText(tx, { user, input, source: "file", mimeType: extracted.mimeType, trustScore: manualTrust() }));
  return json({ status, artifact_id: artifact.id, filename: file.name, size: file.size }, { status: status === "ingested" ? 201 : 200 });
});
