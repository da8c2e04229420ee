import { z } from "zod";
import { route } from "@/lib/api/route";
import { getArtifactVersion } from "@/lib/knowledge/get-artifact-version";

const params = z.object({
  id: z.coerce.number().int().positive("must be an artifact id"),
  version: z.coerce.number().int().positive("must be a version number"),
});

export const GET = route({ params }, async ({ user, params }) => getArtifactVersion({ userId: user.id, id: params.id, version: params.version }));
