import { z } from "zod";
import { route } from "@/lib/api/route";
import { getMemoryItem } from "@/lib/memory/get-item";

// Segments arrive as the URL had them; a stray '%' must not turn into a 500.
const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};
const params = z.object({ path: z.array(z.string().max(512)).min(1).max(64).transform((segments) => segments.map(decode).join("/")) });

// The earlier API's item by path, with its audit trail and the trail's hashes rechecked.
export const GET = route({ params }, ({ user, params }) => getMemoryItem({ user, path: params.path }));
