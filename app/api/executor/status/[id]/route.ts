import { z } from "zod";
import { route } from "@/lib/api/route";
import { NotFoundError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { serializeJobFor } from "@/lib/jobs/serialize";

const params = z.object({ id: z.coerce.number().int().positive("must be a task id") });

// Your own jobs; an admin sees any (the loops' jobs have no creator).
export const GET = route({ params }, async ({ user, params }) => {
  const job = await db.job.findFirst({ where: { id: params.id, ...(user.role === "admin" ? {} : { createdById: user.id }) } });
  if (!job) throw new NotFoundError("task");
  return serializeJobFor(user, job);
});
