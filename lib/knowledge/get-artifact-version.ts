import type { Db } from "../db/client";
import { NotFoundError } from "../errors";

/** One stored version of an artifact the user may read (shared or their own, not deleted). */
export async function getArtifactVersion(db: Db, o: { userId: number; id: number; version: number }) {
  const v = await db.knowledgeArtifactVersion.findFirst({
    where: { version: o.version, artifact: { id: o.id, deletedAt: null, OR: [{ visibility: "shared" }, { ownerId: o.userId }] } },
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
