import type { Db } from "../db/client";
import { GENESIS_HASH, entryHash } from "./hash";

export type VerifyResult = {
  valid: boolean;
  /** How many entries were checked. */
  checked: number;
  /** The first sequence that is altered, out of order or missing; null when valid. */
  first_bad_sequence: number | null;
  reason: string | null;
};

const BATCH = 2000;

/**
 * Recomputes every hash and link from `fromSequence` on. An edited entry fails its own
 * hash; a deleted one shows as a gap (or, at the end, as a head that is ahead of the last
 * entry) and is reported as the first missing sequence.
 */
export async function verifyLog(o: { db: Db; fromSequence?: number; toSequence?: number }): Promise<VerifyResult> {
  const { db, ...options } = o;
  // Read the head first: every entry up to it was committed with it, so appends that land
  // while we read cannot look like gaps.
  const head = await db.logHead.findUnique({ where: { id: 1 } });
  if (!head) return bad(0, 1, "the log head row is missing");
  const from = Math.max(1, options.fromSequence ?? 1);
  const end = Math.min(options.toSequence ?? head.sequence, head.sequence);
  if (from > end) return { valid: true, checked: 0, first_bad_sequence: null, reason: null }; // nothing in range
  let expected = from;
  let prevHash = GENESIS_HASH;
  if (from > 1) {
    const before = await db.logEntry.findUnique({ where: { sequence: from - 1 }, select: { entryHash: true } });
    if (!before) return bad(0, from - 1, `entry ${from - 1} is missing`);
    prevHash = before.entryHash;
  }
  let checked = 0;
  while (expected <= end) {
    const rows = await db.logEntry.findMany({
      where: { sequence: { gte: expected, lte: end } },
      orderBy: { sequence: "asc" },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.sequence !== expected) return bad(checked, expected, `entry ${expected} is missing`);
      if (row.prevHash !== prevHash) return bad(checked, row.sequence, "prev_hash does not match the previous entry");
      let payload: unknown;
      try {
        payload = JSON.parse(row.payload);
      } catch {
        return bad(checked, row.sequence, "payload is not valid JSON");
      }
      if (entryHash({ ...row, payload }) !== row.entryHash) {
        return bad(checked, row.sequence, "entry_hash does not match the entry's content");
      }
      prevHash = row.entryHash;
      expected += 1;
      checked += 1;
    }
  }
  // Rows deleted from the end leave the head ahead of the last entry.
  if (expected <= end) return bad(checked, expected, `entry ${expected} is missing`);
  if (end === head.sequence && end >= from && head.lastHash !== prevHash) {
    return bad(checked, end, "the log head does not match the last entry");
  }
  return { valid: true, checked, first_bad_sequence: null, reason: null };
}

function bad(checked: number, sequence: number, reason: string): VerifyResult {
  return { valid: false, checked, first_bad_sequence: sequence, reason };
}
