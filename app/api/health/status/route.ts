import { z } from "zod";
import { route } from "@/lib/api/route";
import { getHealthStatus } from "@/lib/health/get-status";

const query = z.object({ limit: z.coerce.number().int().min(1).max(100, "must be at most 100").default(10) });

export const GET = route({ query }, async ({ user, query }) => getHealthStatus({ user, limit: query.limit }));
