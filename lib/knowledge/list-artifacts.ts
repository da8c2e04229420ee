import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { paginationQuery } from "../api/pagination";
import { readableArtifacts } from "../auth/access";

export const listArtifactsQuery = paginationQuery.extend({
  domain: z.string().max(64).optional(),
  type: z.string().max(32).optional(),
  artifact_type: z.string().max(32).optional(),
  status: z.enum(["approved", "pending_review", "blocked"]).optional(),
  q: z.string().max(200).optional(),
});

/** Artifacts the user may see (shared ones and their own), newest first; limit + 1 rows. */
export function listArtifacts(o: { userId: number; query: z.output<typeof listArtifactsQuery>; db?: Db }) {
  const db = o.db ?? defaultDb;
  const q = o.query;
  return db.knowledgeArtifact.findMany({
    where: {
      ...readableArtifacts({ id: o.userId }),
      ...(q.domain ? { domain: q.domain } : {}),
      ...(q.type || q.artifact_type ? { artifactType: q.type ?? q.artifact_type } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.q ? { title: { contains: q.q } } : {}),
      ...(q.cursor ? { id: { lt: q.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
}

export function serializeArtifact(a: {
  id: number;
  path: string;
  title: string;
  artifactType: string;
  domain: string;
  source: string;
  sourceUrl: string | null;
  sizeBytes: number;
  visibility: string;
  trustScore: number;
  status: string;
  version: number;
  contentHash: string;
  ownerId: number;
  createdAt: Date;
  updatedAt: Date;
}) {
  return {
    id: a.id,
    path: a.path,
    title: a.title,
    type: a.artifactType,
    domain: a.domain,
    source: a.source,
    url: a.sourceUrl,
    size_bytes: a.sizeBytes,
    visibility: a.visibility,
    trust_score: a.trustScore,
    status: a.status,
    version: a.version,
    content_hash: a.contentHash,
    owner_id: a.ownerId,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}
