// Text a user adds (the ingest form, the API, the earlier API's ingest): stored as knowledge
// they trust, then the questions they asked before that it may now answer are asked again, as
// after a file or a web page (lib/goals/recheck-research-goals.ts).
import type { Db } from "../db/client";
import { recheckAfterIngest } from "../goals/recheck-research-goals";
import { ingestContent, manualTrust, type IngestOptions } from "./ingest-text";

export async function addText(o: { user: IngestOptions["user"]; input: IngestOptions["input"]; source: "manual" | "legacy"; db?: Db }) {
  const result = await ingestContent({ user: o.user, input: o.input, source: o.source, trustScore: manualTrust(), db: o.db });
  if (result.status === "ingested") await recheckAfterIngest({ user: o.user, db: o.db });
  return result;
}
