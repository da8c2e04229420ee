import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import type { AuthUser } from "../auth/schemas";
import { assertCanSummariseEveryone } from "../auth/access";
import { composeSummary } from "./compose-summary";
import { saveSummary } from "./save-summary";

/**
 * Composes the last 24 hours' summary — the user's own, or (an admin only) everybody's — and
 * stores it, audited. Composing reads only; the write is its own short transaction.
 */
export async function generateSummary(o: { user: Pick<AuthUser, "id" | "username" | "role">; scope: "mine" | "overall"; db?: Db }) {
  if (o.scope === "overall") assertCanSummariseEveryone(o.user);
  const db = o.db ?? defaultDb;
  const draft = await composeSummary({ user: o.user, scope: o.scope, db });
  const summary = await writeTransaction((tx) => saveSummary({ tx, actor: o.user.username, draft }), db);
  return { summary, draft };
}
