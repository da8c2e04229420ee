import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { invalidSignatures } from "../../lib/audit/verify-signatures";

describe("verifying many entry signatures", () => {
  it("finds exactly the bad ones, inline and split over threads", { timeout: 120_000 }, async () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const other = generateKeyPairSync("ed25519").privateKey;
    const items = Array.from({ length: 4500 }, (_, i) => {
      const leaf = createHash("sha256").update(`leaf ${i}`).digest();
      const signature = sign(null, leaf, i === 4321 ? other : privateKey).toString("base64");
      return { sequence: i + 1, leaf, signature: i === 17 ? "not base64 at all" : i === 2999 ? "" : signature };
    });
    const expected = [18, 3000, 4322];
    expect(await invalidSignatures(items, publicKey, { threads: 2 })).toEqual(expected);
    expect(await invalidSignatures(items, publicKey, { threads: 1 })).toEqual(expected);
  });
});
