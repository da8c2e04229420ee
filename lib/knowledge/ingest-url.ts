// The second half of URL ingestion, run by the worker's url_ingest handler: fetch the page
// through the SSRF-safe client, reduce it to text (HTML, JSON and PDF in a child process under
// OS limits, as uploads are), prepare it, and store it as an artifact. When the page came
// through an approval, the approval is marked executed in the same transaction.
import type { z } from "zod";
import { append } from "../audit";
import type { Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import type { jobPayloads } from "../jobs/kinds";
import { safeFetch, UrlRefusedError } from "../net/safe-fetch";
import { AUTO_APPROVE_AT, REVIEW_AT, scoreUrl } from "../trust/score-url";
import { extractUrlContent } from "./extract-url-content";
import { ingestText, ingestTextSchema, MAX_CONTENT_CHARS, NUL_MESSAGE, prepareContent } from "./ingest-text";
import { WORKER_ACTOR } from "../audit/actors";
import { recheckAfterIngest } from "../goals/recheck-research-goals";
import { guardContent } from "../hunter/guard-content";

export type UrlIngestPayload = z.output<typeof jobPayloads.url_ingest>;

export async function ingestUrl(o: { payload: UrlIngestPayload; db: Db; signal?: AbortSignal; progress?: (percent: number, message?: string) => Promise<void> }) {
  const p = o.payload;
  const user = await o.db.user.findUnique({ where: { id: p.user_id }, select: { id: true, username: true } });
  if (!user) throw new UrlRefusedError("the user who asked for this URL no longer exists");
  await o.progress?.(10, "fetching");
  const page = await safeFetch({ url: p.url, signal: o.signal });

  // A trusted page may redirect somewhere less trusted: the artifact gets the lower score, and
  // without an admin's approval it must still clear the auto-approve bar.
  let trustScore = p.trust_score;
  if (new URL(page.url).host !== new URL(p.url).host) {
    const landed = (await scoreUrl({ url: page.url, db: o.db })).trust_score;
    trustScore = Math.min(trustScore, landed);
    // Governance let the request through at its own score (a policy, or an admin): the page may not land lower.
    if (landed < REVIEW_AT || (!p.approval_id && landed < Math.min(p.trust_score, AUTO_APPROVE_AT))) throw new UrlRefusedError(`redirected to ${new URL(page.url).host}, whose trust score ${landed} is too low`);
  }
  await o.progress?.(60, "extracting text");
  const content = await extractUrlContent(page, { signal: o.signal });
  if (!content.text.trim()) throw new UrlRefusedError("has no readable text");
  if (content.text.length > MAX_CONTENT_CHARS) throw new UrlRefusedError(`has more than ${MAX_CONTENT_CHARS} characters of text (the limit)`);
  if (content.text.includes("\u0000")) throw new UrlRefusedError(NUL_MESSAGE);
  const input = ingestTextSchema.parse({
    title: content.title,
    content: content.text,
    domain: p.domain,
    artifact_type: "url",
    visibility: p.visibility,
    metadata: { url: p.url, final_url: page.url, content_type: page.contentType, fetched_at: new Date().toISOString(), approval_id: p.approval_id ?? null },
  });
  const prepared = prepareContent(input.content);
  await o.progress?.(80, "indexing");
  // Hunter scans the page first: a blocking rule refuses it (the job fails, 403's message).
  const stored = await guardContent({ db: o.db, user, text: prepared.content, write: async (tx) => {
    const result = await ingestText({ tx, user, input, prepared, source: "url", sourceUrl: page.url, mimeType: content.mimeType, trustScore });
    if (p.approval_id) {
      await tx.approvalRequest.update({ where: { id: p.approval_id }, data: { status: "executed", executedAt: new Date(), result: { artifact_id: result.artifact.id, status: result.status } } });
      await append({ tx, actor: WORKER_ACTOR, action: "approval.executed", resource: `approval:${p.approval_id}`, subsystem: "governance", payload: { artifact_id: result.artifact.id, status: result.status }, result: "success" });
    }
    return { status: result.status, artifact_id: result.artifact.id, url: page.url, trust_score: trustScore, title: result.artifact.title };
  }, resource: (r) => `artifact:${r.artifact_id}` });
  // The page may answer questions its requester asked before.
  if (stored.status === "ingested") await recheckAfterIngest({ user, db: o.db });
  return stored;
}

/** Marks an approved URL request as failed (the job will not be retried), with the reason. */
export async function failUrlApproval(o: { approvalId: number; reason: string; db: Db }) {
  await writeTransaction(async (tx) => {
    const { count } = await tx.approvalRequest.updateMany({ where: { id: o.approvalId, status: "approved" }, data: { status: "failed", decisionReason: o.reason, error: o.reason } });
    if (count) await append({ tx, actor: WORKER_ACTOR, action: "approval.failed", resource: `approval:${o.approvalId}`, subsystem: "governance", payload: { reason: o.reason }, result: "failure" });
  }, o.db);
}
