import { z } from "zod";
import { route } from "@/lib/api/route";
import { ownUserIdUnlessAdmin } from "@/lib/auth/access";
import { getConfidence } from "@/lib/causal/get-patterns";

const query = z.object({ limit: z.coerce.number().int().min(1).max(10_000, "must be at most 10000").default(1000) });

export const GET = route({ query }, async ({ user, query }) =>
  getConfidence({ limit: query.limit, userId: ownUserIdUnlessAdmin(user) }),
);
