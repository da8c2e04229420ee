import { db as defaultDb, type Db } from "../db/client";

/** The user's live tokens, newest first (limit + 1 rows: the extra one says "more"). */
export function listTokens(o: { userId: number; limit: number; beforeId?: number; db?: Db }) {
  return (o.db ?? defaultDb).apiToken.findMany({
    where: {
      userId: o.userId,
      revokedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
      ...(o.beforeId !== undefined ? { id: { lt: o.beforeId } } : {}),
    },
    orderBy: { id: "desc" },
    take: o.limit + 1,
  });
}

export function serializeToken(t: {
  id: number;
  name: string;
  prefix: string;
  kind: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    kind: t.kind,
    created_at: t.createdAt.toISOString(),
    last_used_at: t.lastUsedAt?.toISOString() ?? null,
    expires_at: t.expiresAt?.toISOString() ?? null,
  };
}
