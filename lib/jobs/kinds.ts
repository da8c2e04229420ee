import { z } from "zod";

// Every kind of job and the payload it takes. Handlers live in workers/handlers/ (one per
// kind).
export const jobPayloads = {
  steps: z.object({
    steps: z.number().int().min(1).max(1000).default(10),
    step_ms: z.number().int().min(0).max(60_000).default(500),
  }),
  reflection: z.object({}).passthrough(),
  learning: z.object({ reflection_id: z.number().int().positive().optional() }).passthrough(),
  meta: z.object({ reason: z.string().max(200).optional() }).passthrough(),
  url_ingest: z.object({
    url: z.string().url().max(2048),
    domain: z.string().max(64).default("web"),
    visibility: z.enum(["shared", "private"]).default("shared"),
    user_id: z.number().int().positive(),
    trust_score: z.number().min(0).max(100),
    /** Set when an admin approved the URL; the artifact then records who let it in. */
    approval_id: z.number().int().positive().optional(),
  }),
  /** Settings → Model's "Test connection": one short prompt to the model in force (lib/llm/test-connection.ts). */
  model_test: z.object({}),
  /** A user's program, run in the sandbox by the worker (workers/handlers/sandbox-run.ts). */
  sandbox_run: z.object({ run_id: z.number().int().positive(), save_files: z.boolean().default(false) }),
  /** An action a governance policy held, approved by an admin: run as its requester (lib/governance/execute-approval.ts). */
  governed_action: z.object({ approval_id: z.number().int().positive() }),
} as const;

export type JobKind = keyof typeof jobPayloads;
export const JOB_KINDS = Object.keys(jobPayloads) as JobKind[];
export const JOB_STATUSES = ["queued", "running", "completed", "failed", "cancelled", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export function isJobKind(kind: string): kind is JobKind {
  return kind in jobPayloads;
}
