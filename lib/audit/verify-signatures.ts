import type { KeyObject } from "node:crypto";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { signatureValid } from "./check-entry";

export type SignedLeaf = { sequence: number; leaf: Buffer; signature: string };

// Plain JavaScript evaluated in each thread, so it runs the same under tsx, vitest and Next
// (no module file to resolve). Answers the sequences whose signature does not verify.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const { createPublicKey, verify } = require("node:crypto");
const key = createPublicKey({ key: Buffer.from(workerData.publicKey), format: "der", type: "spki" });
const { sequences, leaves, signatures } = workerData;
const bad = [];
for (let i = 0; i < sequences.length; i++) {
  const sig = Buffer.from(signatures[i], "base64");
  let ok = false;
  try { ok = sig.length === 64 && verify(null, Buffer.from(leaves.buffer, leaves.byteOffset + i * 32, 32), key, sig); } catch {}
  if (!ok) bad.push(sequences[i]);
}
parentPort.postMessage(bad);
`;

/**
 * The sequences (ascending) whose Ed25519 signature over their leaf hash is not valid.
 * Ed25519 verification costs ~50–100 µs here, so many are split over worker threads, one per CPU.
 */
export async function invalidSignatures(items: SignedLeaf[], publicKey: KeyObject, o: { threads?: number } = {}): Promise<number[]> {
  const threads = Math.min(o.threads ?? os.availableParallelism(), Math.ceil(items.length / 2000));
  if (threads <= 1) return items.filter((it) => !signatureValid(it.leaf, it.signature, publicKey)).map((it) => it.sequence);
  const der = publicKey.export({ type: "spki", format: "der" });
  const per = Math.ceil(items.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const slice = items.slice(t * per, (t + 1) * per);
      const leaves = new Uint8Array(slice.length * 32);
      slice.forEach((it, i) => leaves.set(it.leaf, i * 32));
      return new Promise<number[]>((resolve, reject) => {
        const worker = new Worker(THREAD, {
          eval: true,
          workerData: { publicKey: new Uint8Array(der), sequences: slice.map((it) => it.sequence), leaves, signatures: slice.map((it) => it.signature) },
        });
        worker.once("message", (bad: number[]) => {
          resolve(bad);
          void worker.terminate();
        });
        worker.once("error", reject);
      });
    }),
  );
  return parts.flat().sort((a, b) => a - b);
}

