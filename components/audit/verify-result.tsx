import { Alert } from "@/components/ui/alert";

type Failure = { sequence: number | null; reason: string } | null;
export type Verify = {
  valid: boolean;
  checked: number;
  first_bad_sequence: number | null;
  reason: string | null;
  chain_valid?: boolean;
  signatures?: { valid: boolean; verified: number; covered_by_heads: number; unsigned_before_signing: number; failure: Failure };
  tree_heads?: { checked: number; valid: boolean; failure: (Failure & { tree_size: number }) | null };
  latest_head?: { tree_size: number; root_hash: string; timestamp: string } | null;
};

/** GET /api/log/verify's answer: the chain, the entries' signatures and the signed tree heads, each on its line. */
export function VerifyResult({ value: v }: { value: Verify }) {
  const chainOk = v.chain_valid ?? v.first_bad_sequence === null;
  return (
    <div data-testid="verify-result" data-valid={v.valid ? "true" : "false"} className="space-y-1">
      <Alert tone={v.valid ? "success" : "error"}>
        <p className="font-medium">
          {v.valid ? "The log verified." : `The log did NOT verify${v.first_bad_sequence !== null ? `: first bad entry #${v.first_bad_sequence}` : ""}. ${v.reason ?? ""}`}
        </p>
        <ul className="mt-1 list-disc pl-5" data-testid="verify-details">
          <li data-testid="verify-chain">{chainOk ? `Chain intact: ${v.checked} entries checked, every hash and link matches` : `Chain broken at #${v.first_bad_sequence}`}.</li>
          {v.signatures && (
            <li data-testid="verify-signatures">
              Signatures:{" "}
              {v.signatures.valid
                ? `valid (${v.signatures.verified} checked now, ${v.signatures.covered_by_heads} vouched for by signed tree heads${v.signatures.unsigned_before_signing ? `, ${v.signatures.unsigned_before_signing} from before signing began` : ""})`
                : `entry #${v.signatures.failure?.sequence}: ${v.signatures.failure?.reason}`}
              .
            </li>
          )}
          {v.tree_heads && (
            <li data-testid="verify-heads">
              Signed tree heads: {v.tree_heads.valid ? `${v.tree_heads.checked} checked, all valid` : v.tree_heads.failure?.reason}.
            </li>
          )}
          <li data-testid="verify-latest-head">
            {v.latest_head ? `Latest signed head: #${v.latest_head.tree_size}, root ${v.latest_head.root_hash.slice(0, 16)}…` : "No signed tree head has been published yet."}
          </li>
        </ul>
      </Alert>
    </div>
  );
}
