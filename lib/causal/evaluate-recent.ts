import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import type { AuthUser } from "../auth/schemas";
import { ownUserIdUnlessAdmin } from "../auth/access";
import { saveEventScores, scoreRecentEvents } from "./evaluate-events";

/**
 * Re-scores the last hour's causal events — the user's own, an admin's: everyone's — and
 * saves the new scores, audited. Scoring reads only; the writes share one transaction.
 */
export async function evaluateRecentEvents(o: { user: Pick<AuthUser, "id" | "username" | "role">; db?: Db }) {
  const db = o.db ?? defaultDb;
  const userId = ownUserIdUnlessAdmin(o.user);
  const scores = await scoreRecentEvents({ userId, db });
  return writeTransaction((tx) => saveEventScores({ tx, actor: o.user.username, userId, scores }), db);
}
