import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { triggerLoop } from "@/lib/loops/trigger";

// The worker runs the cycle; follow it at /api/executor/status/:task_id.
export const POST = route({ access: "admin" }, async ({ user }) => {
  const job = await triggerLoop({ name: "meta", user });
  return json({ task_id: String(job.id), status: "queued" }, { status: 202 });
});
