import { db as defaultDb, type Db } from "../db/client";
import { latestTreeHead } from "./latest-tree-head";
import { verifyAuditLog, type AuditReport } from "./verify-audit-log";
import { verifyLogShared } from "./verify-shared";

// The whole-log checks read every entry: callers within a few seconds share one run.
const TTL_MS = 5000;
let shared: { at: number; db: Db; result: Promise<AuditReport> } | null = null;

function sharedReport(db: Db): Promise<AuditReport> {
  if (shared && shared.db === db && Date.now() - shared.at < TTL_MS) return shared.result;
  const result = verifyAuditLog({ db });
  shared = { at: Date.now(), db, result };
  result.catch(() => (shared = null));
  return result;
}

/**
 * GET /api/log/verify: the chain over the range asked for, in the shape clients have always
 * read ({valid, checked, first_bad_sequence, reason}, with the earlier system's names beside
 * them), and the proofs beside it: the entries' signatures, the signed tree heads and the latest
 * head. `valid` is false when any of them fails.
 */
export async function checkLog(o: { fromSequence?: number; toSequence?: number; db?: Db } = {}) {
  const db = o.db ?? defaultDb;
  const whole = o.fromSequence === undefined && o.toSequence === undefined;
  const [report, latest] = await Promise.all([sharedReport(db), latestTreeHead({ db })]);
  // The whole log's chain is part of the report already; a range is checked on its own.
  const chain = whole
    ? { valid: report.chain.valid, checked: report.chain.checked, first_bad_sequence: report.chain.failure?.sequence ?? null, reason: report.chain.failure?.reason ?? null }
    : await verifyLogShared({ fromSequence: o.fromSequence, toSequence: o.toSequence, db });
  const from = Math.max(1, o.fromSequence ?? 1);
  const proofsValid = report.signatures.valid && report.heads.valid;
  const firstBad = chain.first_bad_sequence ?? (proofsValid ? null : (report.signatures.failure?.sequence ?? report.heads.failure?.sequence ?? null));
  return {
    valid: chain.valid && proofsValid,
    checked: chain.checked,
    first_bad_sequence: firstBad,
    reason: chain.reason ?? (proofsValid ? null : (report.signatures.failure?.reason ?? report.heads.failure?.reason ?? null)),
    chain_valid: chain.valid,
    // The earlier system's fields (LEGACY-API.md).
    entries_verified: chain.checked,
    sequence_range: chain.checked ? `${from}-${from + chain.checked - 1}` : "empty",
    ...(chain.valid ? {} : { corrupted_at: chain.first_bad_sequence, message: chain.reason }),
    signatures: report.signatures,
    tree_heads: report.heads,
    tree: report.tree,
    latest_head: latest,
  };
}
