import { z } from "zod";
import { route } from "@/lib/api/route";
import { db } from "@/lib/db/client";
import { getArtifact } from "@/lib/knowledge/get-artifact";

const params = z.object({ id: z.coerce.number().int().positive("must be an artifact id") });

export const GET = route({ params }, async ({ user, params }) => getArtifact(db, { userId: user.id, id: params.id }));
