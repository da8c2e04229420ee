import { z } from "zod";
import { route } from "@/lib/api/route";
import { getKnowledgeTree } from "@/lib/knowledge/get-tree";

const query = z.object({ domain: z.string().max(64).optional(), category: z.string().max(32).optional() });

// The domain → type → artifact tree of what the user may read, for a browser view.
export const GET = route({ query }, ({ user, query }) => getKnowledgeTree({ user, domain: query.domain, category: query.category }));
