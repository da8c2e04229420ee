import { z } from "zod";
import type { Tx } from "../db/client";
import type { AuthUser } from "../auth/schemas";
import { allowedJobPriority } from "../auth/access";
import { append } from "../audit";
import { enqueue } from "./enqueue";

// What people may put on the queue; the loops enqueue reflection and learning themselves.
const SUBMITTABLE = ["steps"] as const;

export const submitJobSchema = z.object({
  task_type: z.enum(SUBMITTABLE, { message: `must be one of: ${SUBMITTABLE.join(", ")}` }),
  description: z.string().max(1000, "must be at most 1000 characters").default(""),
  steps: z.number().int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(10),
  step_ms: z.number().int().min(0).max(60_000, "must be at most 60000").default(500),
  priority: z.number().int().min(-100).max(100).default(0),
});

/** Queues a person's job, audited, inside the caller's write transaction. */
export async function submitJob(o: { tx: Tx; user: AuthUser; input: z.output<typeof submitJobSchema> }) {
  const { tx } = o;
  const job = await enqueue({
    tx,
    kind: o.input.task_type,
    payload: { steps: o.input.steps, step_ms: o.input.step_ms },
    description: o.input.description,
    priority: allowedJobPriority(o.user, o.input.priority),
    createdById: o.user.id,
  });
  await append({ tx, actor: o.user.username, action: "job.submit", resource: `job:${job.id}`, subsystem: "queue", payload: { kind: job.kind, steps: o.input.steps }, result: "success" });
  return job;
}
