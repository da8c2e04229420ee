// Ingested content (text, files, web pages) goes through Hunter before it is stored: scanned
// before the write transaction opens, its findings recorded in the same transaction as the
// artifact; a blocking finding refuses the ingest with 403 naming the rule, and nothing but
// the security event (and its audit entry) is written.
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { ForbiddenError } from "../errors";
import { recordFindings } from "./record-findings";
import { scan } from "./scan";

export async function guardContent<T>(o: { db?: Db; user: { id: number; username: string }; text: string; resource: (stored: NoInfer<T>) => string; write: (tx: Tx) => Promise<T> }): Promise<T> {
  const db = o.db ?? defaultDb;
  const findings = await scan({ target: "content", text: o.text, user: o.user, db });
  const blocking = findings.find((f) => f.action === "block");
  const input = { target: "content", user: o.user };
  const stored = await writeTransaction(async (tx) => {
    if (blocking) {
      await recordFindings({ tx, findings, input, resource: `user:${o.user.id}`, blocked: true });
      return null;
    }
    const result = await o.write(tx);
    await recordFindings({ tx, findings, input, resource: o.resource(result) });
    return { result };
  }, db);
  if (!stored) throw new ForbiddenError(`This content was blocked by the security rule "${blocking!.rule}"`);
  return stored.result;
}
