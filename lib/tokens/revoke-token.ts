import type { Tx } from "../db/client";
import { append } from "../audit";
import { NotFoundError } from "../errors";

/** Revokes one of the user's own tokens; another user's token is "not found". */
export async function revokeToken(o: { tx: Tx; user: { id: number; username: string }; tokenId: number }) {
  const { tx } = o;
  const token = await tx.apiToken.findFirst({ where: { id: o.tokenId, userId: o.user.id } });
  if (!token) throw new NotFoundError("token");
  if (token.revokedAt) return token;
  const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await append({
    tx,
    actor: o.user.username,
    action: "token.revoke",
    resource: `token:${token.id}`,
    subsystem: "auth",
    payload: { name: token.name, prefix: token.prefix },
    result: "success",
  });
  return revoked;
}
