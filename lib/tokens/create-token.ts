import type { Tx } from "../db/client";
import { append } from "../audit";
import { displayPrefix, generateToken, hashToken } from "./token-format";

export type CreateTokenOptions = {
  user: { id: number; username: string };
  name: string;
  kind?: "personal" | "login";
  expiresAt?: Date | null;
  /** Who asked for it, for the audit log (the user themself, or an admin). */
  actor?: string;
};

/** Creates a token inside the caller's audited transaction. The plain token is returned once. */
export async function createToken(o: { tx: Tx } & CreateTokenOptions) {
  const { tx } = o;
  const token = generateToken();
  const record = await tx.apiToken.create({
    data: {
      userId: o.user.id,
      name: o.name,
      kind: o.kind ?? "personal",
      prefix: displayPrefix(token),
      tokenHash: hashToken(token),
      expiresAt: o.expiresAt ?? null,
    },
  });
  await append({
    tx,
    actor: o.actor ?? o.user.username,
    action: "token.create",
    resource: `token:${record.id}`,
    subsystem: "auth",
    payload: { name: record.name, kind: record.kind, prefix: record.prefix, user_id: o.user.id, expires_at: record.expiresAt?.toISOString() ?? null },
    result: "success",
  });
  return { token, record };
}
