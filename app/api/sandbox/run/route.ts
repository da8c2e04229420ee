import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { waitForJob } from "@/lib/jobs/wait-for-job";
import { runInputSchema } from "@/lib/sandbox/runs/schemas";
import { startRun } from "@/lib/sandbox/runs/start-run";
import { getRun } from "@/lib/sandbox/runs/get-run";
import { serializeRun } from "@/lib/sandbox/runs/serialize";

/** How long past its wall limit a run may take to be picked up, run and recorded before this answers 202. */
const GRACE_MS = 15_000;

// {file_name?, language?, code?, stdin?, args?, limits?} (or the earlier {command, file_name}):
// the worker runs it in the sandbox while this waits, and answers its result; with `stream: true`
// it answers 202 {run_id} at once and the output is read from /api/sandbox/runs/:id/stream.
export const POST = route({ body: runInputSchema }, async ({ req, user, body }) => {
  const run = await startRun({ user, input: body });
  if (body.stream) return json({ run_id: run.id, status: "queued", stream_url: `/api/sandbox/runs/${run.id}/stream` }, { status: 202 });
  const wallSeconds = (run.limits as { wall_seconds: number }).wall_seconds;
  await waitForJob({ jobId: run.jobId!, timeoutMs: wallSeconds * 1000 + GRACE_MS, signal: req.signal });
  const done = serializeRun(await getRun({ userId: user.id, runId: run.id }));
  return done.finished ? done : json(done, { status: 202 });
});
