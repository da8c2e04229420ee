import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { ingestContent, ingestTextSchema, manualTrust } from "@/lib/knowledge/ingest-text";

// 201 {status: "ingested", artifact_id}; the same content again in the same scope → 200
// {status: "duplicate", artifact_id} of the existing artifact, nothing stored.
export const POST = route({ body: ingestTextSchema }, async ({ user, body }) => {
  const { status, artifact } = await ingestContent({ user, input: body, source: "manual", trustScore: manualTrust() });
  return json({ status, artifact_id: artifact.id, path: artifact.path, trust_score: artifact.trustScore }, { status: status === "ingested" ? 201 : 200 });
});
