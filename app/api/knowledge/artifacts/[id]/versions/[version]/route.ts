import { z } from "zod";
import { route } from "@/lib/api/route";
import { idSchema } from "@/lib/api/params";
import { getArtifactVersion } from "@/lib/knowledge/get-artifact-version";

const params = z.object({
  id: idSchema("an artifact id"),
  version: idSchema("a version number"),
});

export const GET = route({ params }, async ({ user, params }) => getArtifactVersion({ userId: user.id, id: params.id, version: params.version }));
