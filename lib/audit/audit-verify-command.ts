// `npm run audit:verify -- [--head saved-head.json]… [--witness URL]… [--save-head out.json] [--all-signatures]`
// (scripts/audit-verify.ts). Exit codes: 0 the log verified, 1 it did not, 2 bad usage or a
// head/witness that could not be read.
import { createPublicKey } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Db } from "../db/client";
import { latestTreeHead } from "./latest-tree-head";
import { keyIdOf, signingKey } from "./signing-key";
import { messageSignatureValid, witnessMessage, type TreeHeadJson } from "./tree-head-message";
import { verifyAuditLog, type AuditReport, type ExternalHead } from "./verify-audit-log";
import { witnessEndpoint } from "./send-to-witnesses";

type Args = { heads: string[]; witnesses: string[]; saveHead?: string; allSignatures: boolean };

export function parseAuditVerifyArgs(argv: string[]): Args | string {
  const out: Args = { heads: [], witnesses: [], allSignatures: false };
  const args = argv.filter((a) => a !== "--");
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => args[++i] ?? "";
    if (a === "--head") out.heads.push(value());
    else if (a === "--witness") out.witnesses.push(value());
    else if (a === "--save-head") out.saveHead = value();
    else if (a === "--all-signatures") out.allSignatures = true;
    else return `unknown argument "${a}"`;
    if (out.heads.includes("") || out.witnesses.includes("") || out.saveHead === "") return `${a} needs a value`;
  }
  return out;
}

export async function auditVerifyCommand(o: { db: Db; argv: string[]; print?: (line: string) => void; fetchImpl?: typeof fetch }): Promise<number> {
  const print = o.print ?? console.log;
  const args = parseAuditVerifyArgs(o.argv);
  if (typeof args === "string") {
    print(`audit:verify: ${args}\nusage: npm run audit:verify -- [--head saved-head.json] [--witness URL] [--save-head out.json] [--all-signatures]`);
    return 2;
  }
  const key = signingKey();
  const external: ExternalHead[] = [];
  const witnessChecks: string[] = [];
  let witnessFailed = false;
  for (const file of args.heads) {
    try {
      external.push({ source: `saved head ${file}`, head: JSON.parse(readFileSync(file, "utf8")) as TreeHeadJson });
    } catch (error) {
      print(`audit:verify: cannot read the saved head ${file}: ${(error as Error).message}`);
      return 2;
    }
  }
  for (const raw of args.witnesses) {
    const { base, token } = witnessEndpoint(raw);
    try {
      const res = await (o.fetchImpl ?? fetch)(`${base}/api/log/witness?key_id=${key.keyId}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(15_000) });
      if (res.status === 404) {
        print(`witness ${base}: has countersigned no head of this log (key ${key.keyId}) yet`);
        continue;
      }
      if (res.status !== 200) throw new Error(`answered ${res.status}`);
      const seen = (await res.json()) as { head: TreeHeadJson; countersignature: string; witness: { key_id: string; public_key_pem: string } };
      const witnessKey = createPublicKey(seen.witness.public_key_pem);
      const fields = { treeSize: seen.head.tree_size, rootHash: seen.head.root_hash, timestamp: new Date(seen.head.timestamp), keyId: seen.head.key_id };
      const cosigned = keyIdOf(witnessKey) === seen.witness.key_id && messageSignatureValid(witnessMessage(fields), seen.countersignature, witnessKey);
      if (!cosigned) witnessFailed = true;
      witnessChecks.push(`witness ${base} (key ${seen.witness.key_id}): countersignature on head ${seen.head.tree_size} ${cosigned ? "valid" : "INVALID"}`);
      // The countersignatures this log recorded from that witness, against the heads they are for.
      const recorded = await o.db.treeHeadWitness.findMany({ where: { witnessUrl: base, status: "countersigned", keyId: seen.witness.key_id }, orderBy: { treeSize: "asc" } });
      const heads = new Map((await o.db.treeHead.findMany({ where: { treeSize: { in: recorded.map((r) => r.treeSize) } } })).map((h) => [h.treeSize, h]));
      const badRecords = recorded.filter((r) => {
        const h = heads.get(r.treeSize);
        return !h || !messageSignatureValid(witnessMessage(h), r.countersignature, witnessKey);
      });
      if (badRecords.length) witnessFailed = true;
      witnessChecks.push(
        `witness ${base}: ${recorded.length - badRecords.length} of ${recorded.length} recorded countersignatures valid${badRecords.length ? ` (INVALID or for a head no longer stored: sizes ${badRecords.map((r) => r.treeSize).join(", ")})` : ""}`,
      );
      external.push({ source: `witness ${base}`, head: seen.head });
    } catch (error) {
      print(`audit:verify: cannot ask witness ${base}: ${(error as Error).message}`);
      return 2;
    }
  }

  const report = await verifyAuditLog({ db: o.db, allSignatures: args.allSignatures, external });
  for (const line of describe(report)) print(line);
  for (const line of witnessChecks) print(line);
  const valid = report.valid && !witnessFailed;
  if (args.saveHead) {
    const head = await latestTreeHead({ db: o.db });
    if (!valid) print(`not saving a head: the log did not verify`);
    else if (!head) print(`no signed tree head yet to save (the worker publishes one within a minute of the log growing)`);
    else {
      const json = { ...head, id: undefined };
      writeFileSync(args.saveHead, `${JSON.stringify(json, null, 2)}\n`);
      print(`saved tree head ${json.tree_size} (root ${json.root_hash}) to ${args.saveHead}: keep it somewhere else and pass it back with --head`);
    }
  }
  print(valid ? "OK: the log verified" : `FAILED${report.first_bad_sequence !== null ? ` at sequence ${report.first_bad_sequence}` : ""}: ${report.reason ?? "a witness countersignature is invalid"}`);
  return valid ? 0 : 1;
}

function describe(r: AuditReport): string[] {
  const lines = [`entries: ${r.entries}; tree root ${r.tree.root_hash ?? "(empty)"}`];
  lines.push(`chain: ${r.chain.valid ? "intact" : `BROKEN at ${r.chain.failure!.sequence}: ${r.chain.failure!.reason}`}`);
  lines.push(
    `signatures: ${r.signatures.valid ? "valid" : `BAD at ${r.signatures.failure!.sequence}: ${r.signatures.failure!.reason}`} (${r.signatures.verified} verified, ${r.signatures.covered_by_heads} vouched for by signed heads, ${r.signatures.unsigned_before_signing} unsigned from before signing began)`,
  );
  lines.push(`tree heads: ${r.heads.checked} checked, ${r.heads.valid ? "all valid" : `BAD: ${r.heads.failure!.reason}${r.heads.failure!.sequence !== null ? ` (first forged entry ${r.heads.failure!.sequence})` : ""}`}`);
  for (const e of r.external) lines.push(`${e.source} (size ${e.tree_size}): ${e.valid ? "the log extends it (consistency proof verified)" : `FAILED: ${e.reason}`}`);
  return lines;
}
