// Data exfiltration: large exports. Every knowledge export (POST /api/memory/export) is
// audited as knowledge.export with the rows it returned and the client's IP; the request
// rules ("export.rows per user|ip") add up a window's rows and alert — or, for a rule whose
// action is block, refuse the export with 403 — when a total reaches the threshold. Paging
// does not get around it: every page counts towards the same window.
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { ForbiddenError } from "../errors";
import { loadRules } from "./load-rules";
import { recordFindings } from "./record-findings";
import { exportFindings } from "./thresholds";

export async function watchExport(o: { user: { id: number; username: string }; ip: string; rows: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rules = await loadRules({ target: "request", db });
  const findings = await writeTransaction(async (tx) => {
    await append({ tx, actor: o.user.username, action: "knowledge.export", resource: `user:${o.user.id}`, subsystem: "knowledge", payload: { rows: o.rows, ip: o.ip }, result: "success" });
    const found = await exportFindings({ tx, rules, user: o.user, ip: o.ip, rows: o.rows });
    const blocked = found.some((f) => f.action === "block");
    await recordFindings({ tx, findings: found, input: { target: "request", user: o.user }, resource: `user:${o.user.id}`, blocked });
    return found;
  }, db);
  const blocking = findings.find((f) => f.action === "block");
  if (blocking) throw new ForbiddenError(`This export was blocked by the security rule "${blocking.rule}"`);
}
