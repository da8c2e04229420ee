import { z } from "zod";
import { route } from "@/lib/api/route";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { JOB_STATUSES } from "@/lib/jobs/kinds";
import { serializeJobFor } from "@/lib/jobs/serialize";

const query = paginationQuery.extend({ status: z.enum(JOB_STATUSES).optional(), all: z.enum(["true", "false"]).optional() });

// Newest first. Your own jobs; an admin with ?all=true sees every job, the loops' included.
export const GET = route({ query }, async ({ user, query }) => {
  const everyone = user.role === "admin" && query.all === "true";
  const rows = await db.job.findMany({
    where: {
      ...(everyone ? {} : { createdById: user.id }),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const { items, next_cursor } = page(rows, query.limit, (j) => j.id);
  return bareList(
    items.map((j) => serializeJobFor(user, j)),
    next_cursor,
  );
});
