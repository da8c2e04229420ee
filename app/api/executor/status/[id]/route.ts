import { z } from "zod";
import { route } from "@/lib/api/route";
import { getJob } from "@/lib/jobs/get-job";

const params = z.object({ id: z.coerce.number().int().positive("must be a task id") });

// Your own jobs; an admin sees any (the loops' jobs have no creator).
export const GET = route({ params }, ({ user, params }) => getJob({ user, jobId: params.id }));
