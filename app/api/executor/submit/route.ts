import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { writeTransaction } from "@/lib/db/transaction";
import { append } from "@/lib/audit";
import { enqueue } from "@/lib/jobs/enqueue";

// What people may put on the queue; the loops enqueue reflection and learning themselves.
const SUBMITTABLE = ["steps"] as const;

const body = z.object({
  task_type: z.enum(SUBMITTABLE, { message: `must be one of: ${SUBMITTABLE.join(", ")}` }),
  description: z.string().max(1000, "must be at most 1000 characters").default(""),
  steps: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(10),
  step_ms: z.number().int().min(0).max(60_000, "must be at most 60000").default(500),
  priority: z.number().int().min(-100).max(100).default(0),
});

// Loops run at 10 and on-demand cycles at 20: people's jobs never jump ahead of them, and only
// an admin can put a job above the default.

export const POST = route({ body }, async ({ user, body }) => {
  const job = await writeTransaction(async (tx) => {
    const job = await enqueue(tx, {
      kind: body.task_type,
      payload: { steps: body.steps, step_ms: body.step_ms },
      description: body.description,
      priority: user.role === "admin" ? body.priority : Math.min(0, body.priority),
      createdById: user.id,
    });
    await append(tx, { actor: user.username, action: "job.submit", resource: `job:${job.id}`, subsystem: "queue", payload: { kind: job.kind, steps: body.steps }, result: "success" });
    return job;
  });
  return json({ task_id: String(job.id), status: "queued" }, { status: 201 });
});
