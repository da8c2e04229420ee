import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { invalid } from "@/lib/errors";
import { ingestFile, MAX_FILE_BYTES } from "@/lib/knowledge/ingest-file";

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
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value ? value : undefined;
  };
  const result = await ingestFile({
    user,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    fields: { domain: field("domain"), visibility: field("visibility"), title: field("title") },
  });
  return json({ status: result.status, artifact_id: result.artifact.id, filename: result.filename, size: result.size }, { status: result.status === "ingested" ? 201 : 200 });
});
