import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { getArtifact } from "@/lib/knowledge/get-artifact";
import { governed } from "@/lib/governance/govern";
import { editArtifact, updateArtifactSchema } from "@/lib/knowledge/update-artifact";

const params = idParams("an artifact id");

export const GET = route({ params }, async ({ user, params }) => getArtifact({ userId: user.id, id: params.id }));

// Editing the content makes a new version; the history stays (see GET).
export const PATCH = route({ params, body: updateArtifactSchema }, async ({ user, params, body }) => {
  await editArtifact({ user, id: params.id, changes: body });
  return getArtifact({ userId: user.id, id: params.id });
});

export const DELETE = route({ params }, async ({ user, params }) => {
  await governed({ actor: user, action: "knowledge.delete", payload: { artifact_id: params.id } });
});
