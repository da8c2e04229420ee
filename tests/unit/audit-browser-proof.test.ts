// The audit page's in-browser proof check (components/audit/check-proof.ts), run here on both
// of its engines: @noble (no secure context) and Web Crypto (a secure context).
import { generateKeyPairSync, sign, createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { checkEntryProof, type EntryProofInput } from "../../components/audit/check-proof";
import { canonicalEntryText, GENESIS_HASH, leafHashOf } from "../../lib/audit/hash";
import { inclusionPath, MemoryTree } from "../../lib/audit/merkle";
import { treeHeadJson } from "../../lib/audit/tree-head-message";

function fixture(): EntryProofInput {
  const keys = generateKeyPairSync("ed25519");
  const raw = keys.publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  const keyId = createHash("sha256").update(raw).digest("hex").slice(0, 16);
  const tree = new MemoryTree();
  const canon: string[] = [];
  for (let i = 1; i <= 13; i++) {
    const c = canonicalEntryText({ sequence: i, timestamp: new Date(Date.UTC(2026, 11, 2, 0, 0, i)), actor: "alice", action: "test.append", resource: `item:${i}`, subsystem: "test", result: "success", prevHash: GENESIS_HASH, payloadText: `{"i":${i},"t":"é\\u2028"}` });
    canon.push(c);
    tree.push(leafHashOf(c));
  }
  const sequence = 6;
  const head = { treeSize: 13, rootHash: tree.root().toString("hex"), timestamp: new Date(), keyId };
  const message = Buffer.from(`grace-log/v1\n${keyId}\n13\n${head.rootHash}\n${head.timestamp.toISOString()}\n`);
  const leaf = leafHashOf(canon[sequence - 1]);
  return {
    entry: { sequence, canonical: Buffer.from(canon[sequence - 1]).toString("base64"), signature: sign(null, leaf, keys.privateKey).toString("base64"), key_id: keyId },
    proof: { sequence, tree_size: 13, leaf_hash: leaf.toString("hex"), audit_path: inclusionPath(tree.source, sequence - 1, 13).map((b) => b.toString("hex")), root_hash: head.rootHash },
    head: treeHeadJson({ ...head, signature: sign(null, message, keys.privateKey).toString("base64") }),
    publicKey: { key_id: keyId, public_key_pem: keys.publicKey.export({ type: "spki", format: "pem" }).toString() },
  };
}

const g = globalThis as { window?: unknown };
afterEach(() => {
  delete g.window;
});

describe.each([
  ["noble (plain http on a LAN address)", false],
  ["Web Crypto (a secure context)", true],
])("the in-browser proof check with %s", (_, secure) => {
  it("verifies a good proof, and names the first thing wrong otherwise", async () => {
    if (secure) g.window = { isSecureContext: true };
    const good = fixture();
    const ok = await checkEntryProof(good);
    expect(ok).toMatchObject({ ok: true, message: "Proof verified against signed tree head #13", entrySignature: "valid", engine: secure ? "Web Crypto" : "noble" });

    const edited = { ...good, entry: { ...good.entry, canonical: Buffer.from(Buffer.from(good.entry.canonical, "base64").toString().replace("alice", "mallory")).toString("base64") } };
    const r1 = await checkEntryProof(edited);
    expect(r1.ok).toBe(false);
    expect(r1.message).toContain("The entry's bytes hash to leaf");
    expect(r1.entrySignature).toBe("invalid");

    const bent = { ...good, proof: { ...good.proof, audit_path: [...good.proof.audit_path.slice(0, -1), "00".repeat(32)] } };
    expect((await checkEntryProof(bent)).message).toContain("leads to root");

    const forgedHead = { ...good, head: { ...good.head, signature: Buffer.alloc(64, 1).toString("base64") } };
    expect((await checkEntryProof(forgedHead)).message).toContain("signature is not valid");

    const otherKey = fixture().publicKey;
    expect((await checkEntryProof({ ...good, publicKey: otherKey })).ok).toBe(false);
  });
});
