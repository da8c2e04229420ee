import { signingKey } from "./signing-key";

/** This log's public key, as GET /api/log/public-key answers it. */
export function logPublicKey() {
  const key = signingKey();
  return { key_id: key.keyId, algorithm: "Ed25519" as const, public_key_pem: key.publicKeyPem };
}
