import { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import { assertCanChangeArtifact, readableArtifacts } from "../auth/access";
import type { AuthUser } from "../auth/schemas";
import { chunkText } from "./chunk";
import { contentHash, normalizeContent } from "./normalize";

export const updateArtifactSchema = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(256, "must be at most 256 characters").optional(),
    content: z.string().min(1, "must not be empty").max(5_000_000, "must be at most 5000000 characters").optional(),
    reason: z.string().trim().max(500, "must be at most 500 characters").optional(),
  })
  .refine((v) => v.title !== undefined || v.content !== undefined, "give a new title or new content");

async function editable(tx: Tx, user: AuthUser, id: number) {
  const a = await tx.knowledgeArtifact.findFirst({ where: { id, ...readableArtifacts(user) } });
  if (!a) throw new NotFoundError("artifact");
  assertCanChangeArtifact(user, a);
  return a;
}

/** Edits an artifact; new content becomes a new version (the old ones stay, viewable). */
export async function updateArtifact(tx: Tx, o: { user: AuthUser; id: number; changes: z.output<typeof updateArtifactSchema> }) {
  const a = await editable(tx, o.user, o.id);
  let version = a.version;
  let hash = a.contentHash;
  let size = a.sizeBytes;
  if (o.changes.content !== undefined) {
    const content = normalizeContent(o.changes.content);
    hash = contentHash(content);
    if (hash !== a.contentHash) {
      const clash = await tx.knowledgeArtifact.findUnique({ where: { dedupScope_contentHash: { dedupScope: a.dedupScope, contentHash: hash } }, select: { id: true } });
      if (clash) throw new ConflictError(`artifact ${clash.id} already holds exactly this content`);
      version = a.version + 1;
      size = Buffer.byteLength(content);
      await tx.knowledgeArtifactVersion.create({ data: { artifactId: a.id, version, content, contentHash: hash, createdById: o.user.id, reason: o.changes.reason ?? "edited" } });
      await tx.knowledgeChunk.createMany({
        data: chunkText(content).map((text, ordinal) => ({ artifactId: a.id, version, ordinal, content: text, tokenCount: text.split(/\s+/).length })),
      });
    }
  }
  const updated = await tx.knowledgeArtifact.update({
    where: { id: a.id },
    data: { ...(o.changes.title !== undefined ? { title: o.changes.title } : {}), version, contentHash: hash, sizeBytes: size },
  });
  await append(tx, {
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
export async function deleteArtifact(tx: Tx, o: { user: AuthUser; id: number }) {
  const a = await editable(tx, o.user, o.id);
  await tx.knowledgeArtifact.update({ where: { id: a.id }, data: { deletedAt: new Date(), dedupScope: `deleted:${a.id}` } });
  await append(tx, { actor: o.user.username, action: "knowledge.delete", resource: `artifact:${a.id}`, subsystem: "knowledge", payload: { path: a.path, version: a.version }, result: "success" });
}
