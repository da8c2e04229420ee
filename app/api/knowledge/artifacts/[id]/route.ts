import { z } from "zod";
import { route } from "@/lib/api/route";
import { getArtifact } from "@/lib/knowledge/get-artifact";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteArtifact, updateArtifact, updateArtifactSchema } from "@/lib/knowledge/update-artifact";

const params = z.object({ id: z.coerce.number().int().positive("must be an artifact id") });

export const GET = route({ params }, async ({ user, params }) => getArtifact({ userId: user.id, id: params.id }));

// Editing the content makes a new version; the history stays (see GET).
export const PATCH = route({ params, body: updateArtifactSchema }, async ({ user, params, body }) => {
  await writeTransaction((tx) => updateArtifact(tx, { user, id: params.id, changes: body }));
  return getArtifact({ userId: user.id, id: params.id });
});

export const DELETE = route({ params }, async ({ user, params }) => {
  await writeTransaction((tx) => deleteArtifact(tx, { user, id: params.id }));
});
