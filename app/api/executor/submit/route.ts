import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { writeTransaction } from "@/lib/db/transaction";
import { submitJob, submitJobSchema } from "@/lib/jobs/submit-job";

export const POST = route({ body: submitJobSchema }, async ({ user, body }) => {
  const job = await writeTransaction((tx) => submitJob({ tx, user, input: body }));
  return json({ task_id: String(job.id), status: "queued" }, { status: 201 });
});
