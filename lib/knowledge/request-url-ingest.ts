// The first half of URL ingestion, run by the web process: check the URL, score its source,
// and decide. < 40 → refused here; otherwise governance decides (knowledge.ingest): on a fresh
// install a seeded policy holds 40–69 for an admin, and anything else becomes a url_ingest job.
// The fetch itself always happens in the worker (ingest-url.ts).
import { z } from "zod";
import { ForbiddenError, invalid } from "../errors";
import { append } from "../audit";
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { knowledgeIngest } from "../governance/actions/knowledge";
import type { Actor } from "../governance/actions/define";
import { evaluateAction, verdictError } from "../governance/govern";
import { checkHost, checkUrl, UrlFetchError, UrlRefusedError } from "../net/safe-fetch";
import { REVIEW_AT, scoreUrl } from "../trust/score-url";
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
export async function requestUrlIngest(o: { user: Actor; input: z.output<typeof ingestUrlSchema>; db?: Db }): Promise<UrlIngestRequest> {
  const { url, trustScore } = await vetUrl(o.input.url);
  const decided = await writeTransaction((tx) => decide({ tx, user: o.user, input: o.input, url, trustScore }), o.db ?? defaultDb);
  // A blocking policy's refusal is on record (committed) before it is answered.
  if (decided.kind === "refused") throw decided.error;
  return decided;
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

async function decide(o: { tx: Tx; user: Actor; input: z.output<typeof ingestUrlSchema>; url: string; trustScore: number }): Promise<UrlIngestRequest | { kind: "refused"; error: Error }> {
  const { tx } = o;
  const payload = { url: o.url, domain: o.input.domain, visibility: o.input.visibility, trust_score: o.trustScore };
  // The seeded policy "Review URLs from sources scored 40–69" holds those for an admin; asking
  // again for the same URL while it waits finds the same request.
  const verdict = await evaluateAction({ tx, actor: o.user, action: "knowledge.ingest", payload });
  if (verdict.decision === "review") return { kind: "approval", approvalId: verdict.approvalId, url: o.url, trustScore: o.trustScore, existing: verdict.existing };
  const refusal = verdictError(verdict);
  if (refusal) return { kind: "refused", error: refusal };
  const { job_id: jobId } = await knowledgeIngest.perform({ tx, actor: o.user, payload, prepared: undefined });
  await append({ tx, actor: o.user.username, action: "knowledge.url_requested", resource: `job:${jobId}`, subsystem: "knowledge", payload: { url: o.url, trust_score: o.trustScore, decision: verdict.policy ? `policy:${verdict.policy.name}` : "auto" }, result: "success" });
  return { kind: "job", jobId, url: o.url, trustScore: o.trustScore };
}
