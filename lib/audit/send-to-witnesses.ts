import { createPublicKey } from "node:crypto";
import { config } from "../config";
import { db as defaultDb, type Db } from "../db/client";
import { raiseLogAlert } from "./raise-log-alert";
import { proveConsistency } from "./prove-consistency";
import { keyIdOf, signingKey } from "./signing-key";
import { messageSignatureValid, witnessMessage, type TreeHeadJson } from "./tree-head-message";

export type WitnessOutcome = { witness: string; status: "countersigned" | "refused" | "unreachable"; keyId: string; error: string | null };

/** A witness URL split into where to send and the bearer token its user part carries (https://TOKEN@host). */
export function witnessEndpoint(raw: string): { base: string; token: string | undefined } {
  const url = new URL(raw);
  const token = decodeURIComponent(url.username || url.password) || config.auditLog.witnessToken;
  url.username = "";
  url.password = "";
  let base = url.toString();
  while (base.endsWith("/")) base = base.slice(0, -1);
  return { base, token };
}

/**
 * Sends a head to each witness (GRACE_LOG_WITNESS_URLS): asks what it last countersigned for
 * this log, proves the head extends it, and records each answer in TreeHeadWitness. A refusal
 * raises a critical alert here too: either this log was rewritten, or someone else signed with
 * its key.
 */
export async function sendToWitnesses(o: { head: TreeHeadJson; db?: Db; witnesses?: string[]; fetchImpl?: typeof fetch }): Promise<WitnessOutcome[]> {
  const db = o.db ?? defaultDb;
  const doFetch = o.fetchImpl ?? fetch;
  const key = signingKey();
  const outcomes: WitnessOutcome[] = [];
  for (const raw of o.witnesses ?? config.auditLog.witnessUrls) {
    const { base, token } = witnessEndpoint(raw);
    const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
    let outcome: WitnessOutcome;
    try {
      const seen = await doFetch(`${base}/api/log/witness?key_id=${key.keyId}`, { headers, signal: AbortSignal.timeout(10_000) });
      if (seen.status !== 200 && seen.status !== 404) throw new Error(`GET /api/log/witness answered ${seen.status}`);
      const last = seen.status === 200 ? ((await seen.json()) as { head: TreeHeadJson }).head : null;
      let first = last?.tree_size ?? 0;
      let proof: string[] = [];
      if (last && first > o.head.tree_size) {
        // The witness has seen more of this log than the log now has: it will refuse; let it say so.
        first = last.tree_size;
      } else if (last && first < o.head.tree_size) {
        proof = (await proveConsistency({ db, first, second: o.head.tree_size })).proof;
      }
      const res = await doFetch(`${base}/api/log/witness`, {
        method: "POST",
        headers,
        body: JSON.stringify({ head: o.head, public_key_pem: key.publicKeyPem, first, proof }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { key_id?: string; countersignature?: string; public_key_pem?: string; detail?: unknown };
      if (res.status === 409) {
        outcome = { witness: base, status: "refused", keyId: "", error: String(body.detail ?? "refused") };
      } else if (res.status !== 200 || !body.countersignature || !body.public_key_pem || !body.key_id) {
        outcome = { witness: base, status: "unreachable", keyId: "", error: `POST /api/log/witness answered ${res.status}: ${JSON.stringify(body.detail ?? body).slice(0, 300)}` };
      } else {
        const witnessKey = createPublicKey(body.public_key_pem);
        const fields = { treeSize: o.head.tree_size, rootHash: o.head.root_hash, timestamp: new Date(o.head.timestamp), keyId: o.head.key_id };
        const ok = keyIdOf(witnessKey) === body.key_id && messageSignatureValid(witnessMessage(fields), body.countersignature, witnessKey);
        outcome = ok
          ? { witness: base, status: "countersigned", keyId: body.key_id, error: null }
          : { witness: base, status: "unreachable", keyId: body.key_id, error: "the countersignature does not verify under the witness's key" };
        if (ok) {
          await db.treeHeadWitness.create({ data: { treeSize: o.head.tree_size, witnessUrl: base, status: "countersigned", keyId: body.key_id, countersignature: body.countersignature } });
          outcomes.push(outcome);
          continue;
        }
      }
    } catch (error) {
      outcome = { witness: base, status: "unreachable", keyId: "", error: error instanceof Error ? error.message : String(error) };
    }
    await db.treeHeadWitness.create({ data: { treeSize: o.head.tree_size, witnessUrl: base, status: outcome.status, keyId: outcome.keyId, error: outcome.error?.slice(0, 2000) ?? null } });
    if (outcome.status === "refused") {
      await raiseLogAlert({ db, action: "log.witness_refused", resource: `witness:${base}`, details: `witness ${base} refused tree head ${o.head.tree_size}: ${outcome.error}` });
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
