import { z } from "zod";
import { Prisma, type Db, type Tx } from "../db/client";
import { append } from "../audit";
import { config } from "../config";
import { ConflictError, invalid } from "../errors";
import { detectLanguage, indexTerms, tokens } from "../text/tokenize";
import { chunkText } from "./chunk";
import { guardContent } from "../hunter/guard-content";
import { contentHash, normalizeContent, slugify } from "./normalize";

export const ARTIFACT_TYPES = ["text", "note", "document", "code", "url", "file"] as const;
export const VISIBILITIES = ["shared", "private"] as const;
/** Longest content one artifact holds, in characters. */
export const MAX_CONTENT_CHARS = 5_000_000;
export const NUL_MESSAGE = "contains a NUL character (\\u0000), which cannot be stored";

export const ingestTextSchema = z.object({
  title: z.string().trim().min(1, "is required").max(256, "must be at most 256 characters"),
  content: z.string().min(1, "is required").max(MAX_CONTENT_CHARS, `must be at most ${MAX_CONTENT_CHARS} characters`),
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

/** Content ready to be written: normalised, hashed and cut into passages, each with its index words. */
export type PreparedContent = {
  content: string;
  hash: string;
  sizeBytes: number;
  passages: PreparedPassage[];
};

/** A passage as KnowledgeChunk stores it; `searchText` is what the full-text index holds. */
export type PreparedPassage = { content: string; tokenCount: number; searchText: string };

/**
 * Passages with their search words: the language is detected once for the whole document and
 * each passage indexed in it (lib/text/tokenize.ts). A passage's token count is its words as the
 * tokenizer finds them (Chinese and Japanese have no spaces to count). CPU work: call it before
 * a transaction.
 */
export function preparePassages(content: string, passages: string[] = chunkText(content)): PreparedPassage[] {
  const lang = detectLanguage(content);
  return passages.map((passage) => ({ content: passage, tokenCount: tokens(passage).length, searchText: indexTerms(passage, lang).join(" ") }));
}

/**
 * All the CPU work of storing content — normalising, hashing, cutting into passages, the
 * words the search index holds — done
 * before the write transaction opens: that transaction holds the audit log's head (every
 * audited write in every process waits for it), so it should only write rows. Blank content,
 * and content with a NUL character (PostgreSQL cannot store one), is a 422 on `field`.
 */
export function prepareContent(text: string, o: { field?: string } = {}): PreparedContent {
  const field = o.field ?? "content";
  if (text.includes("\u0000")) throw invalid(field, NUL_MESSAGE);
  const content = normalizeContent(text);
  if (!content) throw invalid(field, "has no text (only whitespace)");
  return {
    content,
    hash: contentHash(content),
    sizeBytes: Buffer.byteLength(content),
    passages: preparePassages(content),
  };
}

export type IngestOptions = {
  user: { id: number; username: string };
  input: z.output<typeof ingestTextSchema>;
  source: "manual" | "url" | "file" | "legacy";
  sourceUrl?: string | null;
  mimeType?: string | null;
  trustScore: number;
  /** Store at exactly this path (the earlier API's memory items name theirs); taken → 409. */
  exactPath?: string;
  category?: string;
};

/**
 * Prepares the content, then stores it in one audited write transaction: the verb the ingest
 * routes call. See ingestText for what is stored.
 */
export async function ingestContent(o: IngestOptions & { db?: Db; /** the input field errors name (default "content") */ field?: string }) {
  const prepared = prepareContent(o.input.content, { field: o.field });
  // Hunter scans it first: a blocking rule refuses it (403), other findings are stored with it.
  return guardContent({ db: o.db, user: o.user, text: prepared.content, write: (tx) => ingestText({ tx, ...o, prepared }), resource: (r) => `artifact:${r.artifact.id}` });
}

/**
 * Stores content as an artifact (version 1) with its passages indexed, inside the caller's
 * transaction and audited: lookups and inserts only. The same content again in the same scope
 * (shared, or this user's private artifacts) returns the existing artifact and stores nothing;
 * another user's private copy is never found, so a duplicate never reveals it — nor does the
 * path, which for a private artifact is in the owner's own namespace (artifactPath).
 */
export async function ingestText(o: { tx: Tx } & (IngestOptions & { prepared: PreparedContent })) {
  const { tx } = o;
  const p = o.prepared;
  const dedupScope = o.input.visibility === "shared" ? "shared" : `user:${o.user.id}`;
  const existing = await tx.knowledgeArtifact.findUnique({ where: { dedupScope_contentHash: { dedupScope, contentHash: p.hash } } });
  if (existing) return { status: "duplicate" as const, artifact: existing };

  const path = o.exactPath ?? (await uniquePath({ tx, base: artifactPath({ ownerId: o.user.id, visibility: o.input.visibility, domain: o.input.domain, artifactType: o.input.artifact_type, title: o.input.title }) }));
  if (o.exactPath && (await tx.knowledgeArtifact.findUnique({ where: { path }, select: { id: true } }))) throw new ConflictError(`an artifact already lives at ${path}`);
  const artifact = await tx.knowledgeArtifact.create({
    data: {
      ownerId: o.user.id,
      path,
      title: o.input.title,
      artifactType: o.input.artifact_type,
      source: o.source,
      sourceUrl: o.sourceUrl ?? null,
      domain: o.input.domain,
      ...(o.category ? { category: o.category } : {}),
      tags: o.input.tags as Prisma.InputJsonValue,
      metadata: (o.input.metadata ?? {}) as Prisma.InputJsonValue,
      mimeType: o.mimeType ?? "text/plain",
      contentHash: p.hash,
      sizeBytes: p.sizeBytes,
      visibility: o.input.visibility,
      dedupScope,
      trustScore: o.trustScore,
      status: "approved",
    },
  });
  await tx.knowledgeArtifactVersion.create({ data: { artifactId: artifact.id, version: 1, content: p.content, contentHash: p.hash, createdById: o.user.id, reason: "ingested" } });
  // The search index is kept by row triggers, which fire for each row of a multi-row insert.
  await tx.knowledgeChunk.createMany({
    data: p.passages.map((passage, ordinal) => ({ artifactId: artifact.id, version: 1, ordinal, content: passage.content, tokenCount: passage.tokenCount, searchText: passage.searchText })),
  });
  await append({
    tx,
    actor: o.user.username,
    action: "knowledge.ingest",
    resource: `artifact:${artifact.id}`,
    subsystem: "knowledge",
    payload: { path, source: o.source, url: o.sourceUrl ?? null, content_hash: p.hash, visibility: artifact.visibility, trust_score: artifact.trustScore, chunks: p.passages.length },
    result: "success",
  });
  return { status: "ingested" as const, artifact };
}

/** Private paths start with this: no domain can (a domain begins with a letter or digit). */
export const PRIVATE_PATH_MARK = "@u";

/**
 * Where an artifact lives: `{domain}/{type}/{slug}` when shared; `@u{owner id}/{domain}/{type}/{slug}`
 * when private. Each private owner has a namespace of their own, so a private artifact never
 * takes a path a shared one or another user's would want: a clash, and its `-2`, can only be
 * with something the ingesting user can see.
 */
export function artifactPath(o: { ownerId: number; visibility: string; domain: string; artifactType: string; title: string }): string {
  const base = `${o.domain}/${o.artifactType}/${slugify(o.title)}`;
  return o.visibility === "shared" ? base : `${PRIVATE_PATH_MARK}${o.ownerId}/${base}`;
}

/**
 * Which of `candidates` are taken: equality lookups on the unique index of `path` (an IN list),
 * never a prefix scan — a LIKE cannot use that index on SQLite (it is case-insensitive there),
 * and a range would depend on PostgreSQL's collation. tests/integration/path-plan.test.ts
 * checks the plan on both databases.
 */
export function takenPathsQuery(candidates: string[]): Prisma.Sql {
  return Prisma.sql`SELECT "path" FROM "KnowledgeArtifact" WHERE "path" IN (${Prisma.join(candidates)})`;
}

/**
 * `base`, or `base-2`, `base-3`, … (the first free one) when taken: a clash never fails an
 * ingest. Candidates are checked in batches that grow, so a title used a thousand times still
 * costs a handful of index lookups.
 */
export async function uniquePath(o: { tx: Tx; base: string }): Promise<string> {
  const { tx, base } = o;
  for (let first = 1, size = 16; ; first += size, size = Math.min(size * 4, 1024)) {
    const candidates = Array.from({ length: size }, (_, i) => (first + i === 1 ? base : `${base}-${first + i}`));
    const taken = new Set((await tx.$queryRaw<{ path: string }[]>(takenPathsQuery(candidates))).map((r) => r.path));
    const free = candidates.find((c) => !taken.has(c));
    if (free) return free;
  }
}
