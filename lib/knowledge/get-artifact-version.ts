import { db as defaultDb, type Db } from "../db/client";
import { NotFoundError } from "../errors";
import { readableArtifacts } from "../auth/access";

/** One stored version of an artifact the user may read (shared or their own, not deleted). */
export async function getArtifactVersion(o: { userId: number; id: number; version: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const v = await db.knowledgeArtifactVersion.findFirst({
    where: { version: o.version, artifact: { id: o.id, ...readableArtifacts({ id: o.userId }) } },
  });
  if (!v) throw new NotFoundError(`version ${o.version} of artifact ${o.id}`);
  const author = await db.user.findUnique({ where: { id: v.createdById }, select: { username: true } });
  return {
    version: v.version,
    content: v.content,
    content_hash: v.contentHash,
    reason: v.reason,
    created_at: v.createdAt.toISOString(),
    created_by: author?.username ?? null,
  };
}
