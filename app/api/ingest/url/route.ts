import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { invalid, UpstreamError } from "@/lib/errors";
import { config } from "@/lib/config";
import { waitForJob } from "@/lib/jobs/wait-for-job";
import { ingestUrlSchema, requestUrlIngest } from "@/lib/knowledge/request-url-ingest";

// {url, domain?, visibility?}. Trust ≥ 70: the worker fetches and ingests it while this waits
// (201 ingested / 200 duplicate, or 202 queued with the job id if it takes longer); 40–69:
// 202 pending_approval for an admin; < 40: 403 naming the score.
export const POST = route({ body: ingestUrlSchema }, async ({ req, user, body }) => {
  const request = await requestUrlIngest({ user, input: body });
  const { url, trustScore } = request;
  if (request.kind === "approval") {
    return json(
      { status: "pending_approval", approval_id: request.approvalId, trust_score: trustScore, url, message: `Trust score ${trustScore} needs an admin's approval before this URL is ingested` },
      { status: 202 },
    );
  }
  const job = await waitForJob({ jobId: request.jobId, timeoutMs: config.urlIngestWaitMs, signal: req.signal });
  if (job.status === "completed") {
    const result = job.result as { status: "ingested" | "duplicate"; artifact_id: number; url: string; trust_score: number; title: string };
    return json({ ...result, job_id: job.id, verified: true }, { status: result.status === "ingested" ? 201 : 200 });
  }
  if (job.status === "failed") throw invalid("url", job.error ?? "could not be ingested");
  if (job.status === "dead") throw new UpstreamError(`Fetching ${url} kept failing: ${job.error ?? "unknown error"}`);
  return json({ status: "queued", job_id: job.id, url, trust_score: trustScore, message: "Still fetching: follow the job on the Tasks page" }, { status: 202 });
});
