// Child of scripts/bench/audit.ts, against DATABASE_URL; prints JSON:
//   append N      N appends, each its own transaction
//   fill N        N entries quickly (500 per transaction), for the verify measurements
//   publish       a signed tree head over the log (the publisher checks what is new)
//   verify        the hash chain only (lib/audit/verify.ts, what /api/log/verify did before proofs)
//   verify-full   chain + signatures + tree + heads (lib/audit/verify-audit-log.ts, audit:verify)
//   verify-all    the same, every entry's signature verified (audit:verify --all-signatures)
import { append, appendMany, verifyLog } from "../../lib/audit";
import { SYSTEM_ACTOR } from "../../lib/audit/actors";
import { publishTreeHead } from "../../lib/audit/publish-tree-head";
import { verifyAuditLog } from "../../lib/audit/verify-audit-log";
import { db } from "../../lib/db/client";
import { writeTransaction } from "../../lib/db/transaction";

const [command, n] = process.argv.slice(2);
// Connected before the clock starts: the measurements are the work, not the client's start-up.
await db.logHead.findUnique({ where: { id: 1 } });
const started = performance.now();
const cpuStarted = process.cpuUsage();
/** CPU time of this process (all its threads) since the clock started, in ms: on a busy machine, closer to the cost than the wall time. */
const cpuMs = () => {
  const c = process.cpuUsage(cpuStarted);
  return (c.user + c.system) / 1000;
};
const event = (i: number) => ({ actor: SYSTEM_ACTOR, action: "bench.append", resource: `item:${i}`, subsystem: "bench", payload: { i }, result: "success" });
if (command === "append") {
  const count = Number(n);
  for (let i = 0; i < count; i++) {
    await writeTransaction((tx) => append({ tx, ...event(i) }));
  }
  console.log(JSON.stringify({ appendsPerSecond: Math.round(count / ((performance.now() - started) / 1000)) }));
} else if (command === "fill") {
  const count = Number(n);
  for (let i = 0; i < count; i += 500) {
    await writeTransaction((tx) => appendMany({ tx, events: Array.from({ length: Math.min(500, count - i) }, (_, j) => event(i + j)) }));
  }
  console.log(JSON.stringify({ ms: performance.now() - started }));
} else if (command === "publish") {
  const result = await publishTreeHead();
  console.log(JSON.stringify({ published: result.published, size: result.head?.tree_size ?? 0, ms: performance.now() - started }));
} else if (command === "verify") {
  const result = await verifyLog({ db });
  console.log(JSON.stringify({ ...result, ms: performance.now() - started, cpuMs: cpuMs() }));
} else {
  const r = await verifyAuditLog({ db, allSignatures: command === "verify-all" });
  console.log(JSON.stringify({ valid: r.valid, checked: r.entries, verified: r.signatures.verified, covered: r.signatures.covered_by_heads, ms: performance.now() - started, cpuMs: cpuMs(), reason: r.reason }));
}
await db.$disconnect();
