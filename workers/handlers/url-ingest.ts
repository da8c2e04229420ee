import { PermanentJobError } from "../../lib/jobs/finish";
import { failUrlApproval, ingestUrl, type UrlIngestPayload } from "../../lib/knowledge/ingest-url";
import { UrlRefusedError } from "../../lib/net/safe-fetch";
import type { JobHandler } from "./types";

// Fetches and ingests a URL. A refusal (private address, too large, unsupported type, 4xx)
// fails the job at once; network trouble, timeouts and 5xx are retried with backoff.
export const urlIngest: JobHandler<UrlIngestPayload> = async ({ payload, db, signal, progress }) => {
  try {
    return await ingestUrl({ payload, db, signal, progress });
  } catch (error) {
    if (!(error instanceof UrlRefusedError)) throw error;
    const reason = `${payload.url} ${error.message}`;
    if (payload.approval_id) await failUrlApproval({ approvalId: payload.approval_id, reason, db });
    throw new PermanentJobError(reason);
  }
};
