import { db as defaultDb, type Db } from "../db/client";
import { verifyLog, type VerifyResult } from "./verify";

// A full verification reads the whole log. Requests for the same range share one run, and
// its result for a few seconds, so many callers cost one scan rather than one each.
const TTL_MS = 5000;
const runs = new Map<string, { at: number; result: Promise<VerifyResult> }>();

export function verifyLogShared(range: { fromSequence?: number; toSequence?: number; db?: Db } = {}): Promise<VerifyResult> {
  const db = range.db ?? defaultDb;
  const key = `${range.fromSequence ?? 1}:${range.toSequence ?? "head"}`;
  const cached = runs.get(key);
  if (cached && Date.now() - cached.at < TTL_MS) return cached.result;
  const result = verifyLog({ ...range, db });
  runs.set(key, { at: Date.now(), result });
  result.catch(() => runs.delete(key));
  if (runs.size > 100) runs.delete(runs.keys().next().value!);
  return result;
}
