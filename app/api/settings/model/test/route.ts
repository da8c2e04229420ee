import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { requestModelTest } from "@/lib/llm/test-connection";

// The worker sends one short prompt to the model in force; follow the job at
// /api/executor/status/:task_id — its result holds the reply and latency, or the error.
export const POST = route({ access: "admin" }, async ({ user }) => {
  const job = await requestModelTest({ user });
  return json({ task_id: String(job.id), status: "queued" }, { status: 202 });
});
