import { z } from "zod";
import { route } from "@/lib/api/route";
import { searchChunks, serializeSearchHit } from "@/lib/knowledge/search";

const body = z.object({
  query: z.string().trim().min(1, "is required").max(1000, "must be at most 1000 characters"),
  limit: z.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(5),
});

// Ranked passages with the artifact they come from; `snippet` is HTML-escaped text with the
// matches in <mark>; `rank` is the place in this result set and `score` = 1 / rank (never the
// engine's score, which depends on passages the caller cannot see). The earlier API's
// {results, count} with new fields beside its own.
export const POST = route({ body }, async ({ user, body }) => {
  const hits = await searchChunks({ userId: user.id, query: body.query, limit: body.limit });
  return { results: hits.map(serializeSearchHit), count: hits.length };
});
