import { z } from "zod";
import { route } from "@/lib/api/route";
import { db } from "@/lib/db/client";

const query = z.object({ domain: z.string().max(64).optional(), category: z.string().max(32).optional() });

// The domain → type → artifact tree of what the user may read, for a browser view.
export const GET = route({ query }, async ({ user, query }) => {
  const rows = await db.knowledgeArtifact.findMany({
    where: {
      deletedAt: null,
      OR: [{ visibility: "shared" }, { ownerId: user.id }],
      ...(query.domain ? { domain: query.domain } : {}),
      ...(query.category ? { artifactType: query.category } : {}),
    },
    orderBy: { path: "asc" },
    take: 5000,
    select: { id: true, title: true, path: true, domain: true, artifactType: true, trustScore: true },
  });
  const tree: Record<string, Record<string, { id: number; title: string; path: string; trust_score: number }[]>> = {};
  for (const a of rows) ((tree[a.domain] ??= {})[a.artifactType] ??= []).push({ id: a.id, title: a.title, path: a.path, trust_score: a.trustScore });
  return { tree, flat_list: rows.map((a) => ({ id: a.id, title: a.title, path: a.path, domain: a.domain, type: a.artifactType })), truncated: rows.length === 5000 };
});
