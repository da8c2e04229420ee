import { db as defaultDb, type Db } from "../db/client";
import { NotFoundError } from "../errors";
import { readableArtifacts } from "../auth/access";

/** One artifact the user may read, with its current passages, version history and provenance. */
export async function getArtifact(o: { userId: number; id: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const a = await db.knowledgeArtifact.findFirst({
    where: { id: o.id, ...readableArtifacts({ id: o.userId }) },
    include: {
      owner: { select: { username: true } },
      versions: { orderBy: { version: "desc" }, select: { version: true, contentHash: true, reason: true, createdAt: true, createdById: true } },
    },
  });
  if (!a) throw new NotFoundError("artifact");
  const passages = await db.knowledgeChunk.findMany({ where: { artifactId: a.id, version: a.version }, orderBy: { ordinal: "asc" }, select: { id: true, ordinal: true, content: true } });
  return {
    id: a.id,
    title: a.title,
    path: a.path,
    type: a.artifactType,
    domain: a.domain,
    visibility: a.visibility,
    status: a.status,
    trust_score: a.trustScore,
    version: a.version,
    tags: a.tags,
    provenance: {
      source: a.source,
      url: a.sourceUrl,
      uploaded_by: a.owner.username,
      owner_id: a.ownerId,
      content_hash: a.contentHash,
      size_bytes: a.sizeBytes,
      mime_type: a.mimeType,
      created_at: a.createdAt.toISOString(),
      updated_at: a.updatedAt.toISOString(),
    },
    versions: a.versions.map((v) => ({ version: v.version, content_hash: v.contentHash, reason: v.reason, created_at: v.createdAt.toISOString() })),
    passages: passages.map((p) => ({ id: p.id, n: p.ordinal + 1, content: p.content })),
  };
}
