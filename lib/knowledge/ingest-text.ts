import { z } from "zod";
import { Prisma, type Tx } from "../db/client";
import { append } from "../audit";
import { config } from "../config";
import { chunkText } from "./chunk";
import { contentHash, normalizeContent, slugify } from "./normalize";

export const ARTIFACT_TYPES = ["text", "note", "document", "code", "url", "file"] as const;
export const VISIBILITIES = ["shared", "private"] as const;

export const ingestTextSchema = z.object({
  title: z.string().trim().min(1, "is required").max(256, "must be at most 256 characters"),
  content: z.string().min(1, "is required").max(5_000_000, "must be at most 5000000 characters"),
  domain: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a short name of letters, digits, '-' or '_'").default("general"),
  artifact_type: z.enum(ARTIFACT_TYPES).default("text"),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
  metadata: z.record(z.string(), z.unknown()).optional(),
  visibility: z.enum(VISIBILITIES).default("shared"),
});

/** Trust given to text and files a user provides themself (GRACE_MANUAL_TRUST, default 75). */
export function manualTrust(): number {
  return config.manualTrust;
}

export type IngestOptions = {
  user: { id: number; username: string };
  input: z.output<typeof ingestTextSchema>;
  source: "manual" | "url" | "file" | "legacy";
  sourceUrl?: string | null;
  mimeType?: string | null;
  trustScore: number;
};

/**
 * Stores content as an artifact (version 1) with its passages indexed, inside the caller's
 * transaction and audited. The same content again in the same scope (shared, or this user's
 * private artifacts) returns the existing artifact and stores nothing; another user's private
 * copy is never found, so a duplicate never reveals it.
 */
export async function ingestText(tx: Tx, o: IngestOptions) {
  const content = normalizeContent(o.input.content);
  if (!content) throw new Error("content is empty after normalisation");
  const hash = contentHash(content);
  const dedupScope = o.input.visibility === "shared" ? "shared" : `user:${o.user.id}`;
  const existing = await tx.knowledgeArtifact.findUnique({ where: { dedupScope_contentHash: { dedupScope, contentHash: hash } } });
  if (existing) return { status: "duplicate" as const, artifact: existing };

  const path = await uniquePath(tx, `${o.input.domain}/${o.input.artifact_type}/${slugify(o.input.title)}`);
  const artifact = await tx.knowledgeArtifact.create({
    data: {
      ownerId: o.user.id,
      path,
      title: o.input.title,
      artifactType: o.input.artifact_type,
      source: o.source,
      sourceUrl: o.sourceUrl ?? null,
      domain: o.input.domain,
      tags: o.input.tags as Prisma.InputJsonValue,
      metadata: (o.input.metadata ?? {}) as Prisma.InputJsonValue,
      mimeType: o.mimeType ?? "text/plain",
      contentHash: hash,
      sizeBytes: Buffer.byteLength(content),
      visibility: o.input.visibility,
      dedupScope,
      trustScore: o.trustScore,
      status: "approved",
    },
  });
  await tx.knowledgeArtifactVersion.create({ data: { artifactId: artifact.id, version: 1, content, contentHash: hash, createdById: o.user.id, reason: "ingested" } });
  const chunks = chunkText(content);
  // The search index is kept by row triggers, which fire for each row of a multi-row insert.
  await tx.knowledgeChunk.createMany({
    data: chunks.map((text, ordinal) => ({ artifactId: artifact.id, version: 1, ordinal, content: text, tokenCount: text.split(/\s+/).length })),
  });
  await append(tx, {
    actor: o.user.username,
    action: "knowledge.ingest",
    resource: `artifact:${artifact.id}`,
    subsystem: "knowledge",
    payload: { path, source: o.source, url: o.sourceUrl ?? null, content_hash: hash, visibility: artifact.visibility, trust_score: artifact.trustScore, chunks: chunks.length },
    result: "success",
  });
  return { status: "ingested" as const, artifact };
}

/** `{domain}/{type}/{slug}`, or with -2, -3, … when taken: a clash never fails an ingest. */
async function uniquePath(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.knowledgeArtifact.findMany({ where: { path: { startsWith: base } }, select: { path: true } })).map((a) => a.path));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
