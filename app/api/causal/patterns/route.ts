import { z } from "zod";
import { route } from "@/lib/api/route";
import { ownUserIdUnlessAdmin } from "@/lib/auth/access";
import { getCausalPatterns } from "@/lib/causal/get-patterns";

const query = z.object({ limit: z.coerce.number().int().min(1).max(10_000, "must be at most 10000").default(1000) });

// An admin sees everyone's interactions; anyone else their own.
export const GET = route({ query }, async ({ user, query }) =>
  getCausalPatterns({ limit: query.limit, userId: ownUserIdUnlessAdmin(user) }),
);
