import { db as defaultDb, type Db } from "../db/client";
import { page } from "../api/pagination";

export const EXPORT_FORMAT = "grace.knowledge.v1";

/**
 * The knowledge a user owns — shared and private — with every version's content and its
 * provenance, as one JSON document that importKnowledge takes back. Paged by artifact
 * (`limit` up to 500, `cursor`), so a large collection is exported in several documents.
 */
export async function exportKnowledge(o: { user: { id: number; username: string }; domains?: string[]; limit: number; cursor?: number; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.knowledgeArtifact.findMany({
    where: { ownerId: o.user.id, deletedAt: null, ...(o.domains?.length ? { domain: { in: o.domains } } : {}), ...(o.cursor ? { id: { gt: o.cursor } } : {}) },
    orderBy: { id: "asc" },
    take: o.limit + 1,
    include: { versions: { orderBy: { version: "asc" } } },
  });
  const { items, next_cursor } = page(rows, o.limit, (a) => a.id);
  const authorIds = [...new Set(items.flatMap((a) => a.versions.map((v) => v.createdById)))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, username: true } })).map((u) => [u.id, u.username]));
  return {
    format: EXPORT_FORMAT,
    exported_at: new Date().toISOString(),
    exported_by: o.user.username,
    artifact_count: items.length,
    domains: [...new Set(items.map((a) => a.domain))].sort(),
    artifacts: items.map((a) => ({
      id: a.id,
      path: a.path,
      title: a.title,
      domain: a.domain,
      category: a.category,
      type: a.artifactType,
      visibility: a.visibility,
      status: a.status,
      version: a.version,
      size: a.sizeBytes,
      trust_score: a.trustScore,
      source: a.source,
      source_url: a.sourceUrl,
      mime_type: a.mimeType,
      content_hash: a.contentHash,
      tags: a.tags,
      metadata: a.metadata,
      created_at: a.createdAt.toISOString(),
      updated_at: a.updatedAt.toISOString(),
      versions: a.versions.map((v) => ({ version: v.version, content: v.content, content_hash: v.contentHash, reason: v.reason, created_at: v.createdAt.toISOString(), created_by: authors.get(v.createdById) ?? null })),
    })),
    next_cursor,
  };
}
