import { route } from "@/lib/api/route";
import { logPublicKey } from "@/lib/audit/log-public-key";

// {key_id, algorithm: "Ed25519", public_key_pem}: checks entry signatures and tree heads.
export const GET = route({}, async () => logPublicKey());
