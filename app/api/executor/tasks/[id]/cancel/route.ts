import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { serializeJob } from "@/lib/jobs/serialize";

const params = idParams("a task id");

export const POST = route({ params }, async ({ user, params }) => serializeJob(await writeTransaction((tx) => cancelJob({ tx, user, jobId: params.id }))));
