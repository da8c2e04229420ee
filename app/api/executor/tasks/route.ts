import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { JOB_STATUSES } from "@/lib/jobs/kinds";
import { listJobs } from "@/lib/jobs/list-jobs";

const query = paginationQuery.extend({ status: z.enum(JOB_STATUSES).optional(), all: z.enum(["true", "false"]).optional() });

// Newest first. Your own jobs; an admin with ?all=true sees every job, the loops' included.
export const GET = route({ query }, async ({ user, query }) => {
  const { items, next_cursor } = await listJobs({ user, everyone: query.all === "true", status: query.status, limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});
