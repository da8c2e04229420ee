import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { addText } from "@/lib/knowledge/add-text";
import { ingestTextSchema } from "@/lib/knowledge/ingest-text";

// 201 {status: "ingested", artifact_id}; the same content again in the same scope → 200
// {status: "duplicate", artifact_id} of the existing artifact, nothing stored.
export const POST = route({ body: ingestTextSchema }, async ({ user, body }) => {
  const { status, artifact } = await addText({ user, input: body, source: "manual" });
  return json({ status, artifact_id: artifact.id, path: artifact.path, trust_score: artifact.trustScore }, { status: status === "ingested" ? 201 : 200 });
});
