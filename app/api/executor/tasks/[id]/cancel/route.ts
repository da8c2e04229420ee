import { z } from "zod";
import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { serializeJob } from "@/lib/jobs/serialize";

const params = z.object({ id: z.coerce.number().int().positive("must be a task id") });

export const POST = route({ params }, async ({ user, params }) => serializeJob(await writeTransaction((tx) => cancelJob(tx, { user, jobId: params.id }))));
