// The first half of URL ingestion, run by the web process: check the URL, score its source,
// and decide. ≥ 70 → a url_ingest job for the worker; 40–69 → an approval request an admin
// decides; < 40 → refused. The fetch itself always happens in the worker (ingest-url.ts).
import { z } from "zod";
import { ForbiddenError, invalid } from "../errors";
import { append } from "../audit";
import { db as defaultDb, Prisma, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { enqueue } from "../jobs/enqueue";
import { checkHost, checkUrl, UrlFetchError, UrlRefusedError } from "../net/safe-fetch";
import { AUTO_APPROVE_AT, REVIEW_AT, scoreUrl } from "../trust/score-url";
import { ingestTextSchema } from "./ingest-text";

export const ingestUrlSchema = z.object({
  url: z.string().trim().min(1, "is required").max(2048, "must be at most 2048 characters"),
  domain: ingestTextSchema.shape.domain.default("web"),
  visibility: ingestTextSchema.shape.visibility,
});

export type UrlIngestRequest =
  | { kind: "job"; jobId: number; url: string; trustScore: number }
  | { kind: "approval"; approvalId: number; url: string; trustScore: number; existing: boolean };

/**
 * Asks for a URL to be ingested: vets it (shape, source's score, where its name points) before
 * any transaction, then queues the job or files the approval request, audited, in one.
 */
export async function requestUrlIngest(o: { user: { id: number; username: string }; input: z.output<typeof ingestUrlSchema>; db?: Db }): Promise<UrlIngestRequest> {
  const { url, trustScore } = await vetUrl(o.input.url);
  return writeTransaction((tx) => decide({ tx, user: o.user, input: o.input, url, trustScore }), o.db ?? defaultDb);
}

/** Everything that needs no transaction: the URL's shape, its score, where its name points. */
async function vetUrl(raw: string) {
  let url: URL;
  try {
    url = checkUrl(raw);
  } catch (error) {
    throw invalid("url", (error as Error).message);
  }
  const { trust_score: trustScore, basis } = await scoreUrl({ url: url.toString() });
  if (trustScore < REVIEW_AT) throw new ForbiddenError(`${url.hostname} has trust score ${trustScore} (${basis}), below ${REVIEW_AT}: URLs from it are blocked`);
  try {
    // Refused early for a clear answer; the worker's connection checks the address again.
    await checkHost(url.hostname);
  } catch (error) {
    if (error instanceof UrlRefusedError || error instanceof UrlFetchError) throw invalid("url", error.message);
    throw error;
  }
  return { url: url.toString(), trustScore };
}

async function decide(o: { tx: Tx; user: { id: number; username: string }; input: z.output<typeof ingestUrlSchema>; url: string; trustScore: number }): Promise<UrlIngestRequest> {
  const { tx } = o;
  const payload = { url: o.url, domain: o.input.domain, visibility: o.input.visibility, user_id: o.user.id, trust_score: o.trustScore };
  if (o.trustScore >= AUTO_APPROVE_AT) {
    const job = await enqueue({ tx, kind: "url_ingest", payload, description: `Ingest ${o.url}`, createdById: o.user.id, priority: 5 });
    await append({ tx, actor: o.user.username, action: "knowledge.url_requested", resource: `job:${job.id}`, subsystem: "knowledge", payload: { url: o.url, trust_score: o.trustScore, decision: "auto" }, result: "success" });
    return { kind: "job", jobId: job.id, url: o.url, trustScore: o.trustScore };
  }
  // Asking twice for the same URL while it waits does not queue a second request.
  const pending = await tx.approvalRequest.findFirst({ where: { actionType: "url_ingest", resource: o.url, requestedById: o.user.id, status: "pending" } });
  if (pending) return { kind: "approval", approvalId: pending.id, url: o.url, trustScore: o.trustScore, existing: true };
  const approval = await tx.approvalRequest.create({
    data: {
      actionType: "url_ingest",
      resource: o.url,
      payload: payload as Prisma.InputJsonValue,
      requestedById: o.user.id,
      reason: `Trust score ${o.trustScore} is below ${AUTO_APPROVE_AT}: an admin must approve ingesting this URL`,
    },
  });
  await append({ tx, actor: o.user.username, action: "approval.request", resource: `approval:${approval.id}`, subsystem: "governance", payload: { action_type: "url_ingest", url: o.url, trust_score: o.trustScore }, result: "pending" });
  return { kind: "approval", approvalId: approval.id, url: o.url, trustScore: o.trustScore, existing: false };
}
