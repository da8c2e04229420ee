import { z } from "zod";
import type { Db, Tx } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import { assertCanChangeArtifact, readableArtifacts } from "../auth/access";
import type { AuthUser } from "../auth/schemas";
import { MAX_CONTENT_CHARS, prepareContent, type PreparedContent } from "./ingest-text";

export const updateArtifactSchema = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(256, "must be at most 256 characters").optional(),
    content: z.string().min(1, "must not be empty").max(MAX_CONTENT_CHARS, `must be at most ${MAX_CONTENT_CHARS} characters`).optional(),
    reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
  })
  .refine((v) => v.title !== undefined || v.content !== undefined, "give a new title or new content");

async function editable(tx: Tx, user: AuthUser, id: number) {
  const a = await tx.knowledgeArtifact.findFirst({ where: { id, ...readableArtifacts(user) } });
  if (!a) throw new NotFoundError("artifact");
  assertCanChangeArtifact(user, a);
  return a;
}

type Changes = z.output<typeof updateArtifactSchema>;

/**
 * Edits an artifact: new content is prepared (normalised, hashed, cut into passages) before
 * the write transaction opens, so the audit lock is held only for the writes.
 */
export async function editArtifact(o: { user: AuthUser; id: number; changes: Changes; db?: Db }) {
  const prepared = o.changes.content === undefined ? undefined : prepareContent(o.changes.content);
  return writeTransaction((tx) => updateArtifact({ tx, ...o, prepared }), o.db);
}

/**
 * Edits an artifact inside the caller's transaction; new content becomes a new version (the
 * old ones stay, viewable). `prepared` is prepareContent of the new content, made before the
 * transaction opened (editArtifact does it), so the lock is held only for the writes.
 */
export async function updateArtifact(o: { tx: Tx; user: AuthUser; id: number; changes: Changes; prepared: PreparedContent | undefined }) {
  const { tx } = o;
  const a = await editable(tx, o.user, o.id);
  let version = a.version;
  let hash = a.contentHash;
  let size = a.sizeBytes;
  if (o.changes.content !== undefined) {
    const p = o.prepared ?? prepareContent(o.changes.content); // only when a caller forgot: correct, if slower
    hash = p.hash;
    if (hash !== a.contentHash) {
      const clash = await tx.knowledgeArtifact.findUnique({ where: { dedupScope_contentHash: { dedupScope: a.dedupScope, contentHash: hash } }, select: { id: true } });
      if (clash) throw new ConflictError(`artifact ${clash.id} already holds exactly this content`);
      version = a.version + 1;
      size = p.sizeBytes;
      await tx.knowledgeArtifactVersion.create({ data: { artifactId: a.id, version, content: p.content, contentHash: hash, createdById: o.user.id, reason: o.changes.reason ?? "edited" } });
      await tx.knowledgeChunk.createMany({
        data: p.passages.map((passage, ordinal) => ({ artifactId: a.id, version, ordinal, content: passage.content, tokenCount: passage.tokenCount, searchText: passage.searchText })),
      });
    }
  }
  const updated = await tx.knowledgeArtifact.update({
    where: { id: a.id },
    data: { ...(o.changes.title !== undefined ? { title: o.changes.title } : {}), version, contentHash: hash, sizeBytes: size },
  });
  await append({
    tx,
    actor: o.user.username,
    action: "knowledge.update",
    resource: `artifact:${a.id}`,
    subsystem: "knowledge",
    payload: { from_version: a.version, to_version: version, title_changed: o.changes.title !== undefined, content_hash: hash, reason: o.changes.reason ?? null },
    result: "success",
  });
  return updated;
}

/**
 * Deletes an artifact (owner or admin): it leaves search and lists at once. The row and its
 * versions are kept for the audit trail; its place in the dedup scope is freed.
 */
export async function deleteArtifact(o: { tx: Tx; user: AuthUser; id: number }) {
  const { tx } = o;
  const a = await editable(tx, o.user, o.id);
  await tx.knowledgeArtifact.update({ where: { id: a.id }, data: { deletedAt: new Date(), dedupScope: `deleted:${a.id}` } });
  await append({ tx, actor: o.user.username, action: "knowledge.delete", resource: `artifact:${a.id}`, subsystem: "knowledge", payload: { path: a.path, version: a.version }, result: "success" });
}
