import { createHash } from "node:crypto";
import type { Tx } from "../../db/client";
import { append } from "../../audit";
import { ConflictError } from "../../errors";
import { assertSandboxContent } from "./content";
import { layoutClash } from "./layout";
import { MAX_FILES_PER_USER } from "./limits";
import { assertSandboxPath } from "./path";

/**
 * Creates or replaces one of the user's files, audited (`sandbox.file.write`, with the
 * content's SHA-256). Run it in writeTransaction: its lock on the log head is taken before
 * the files are counted, so two writes at once cannot both take the last free place.
 */
export async function writeSandboxFile(o: { tx: Tx; user: { id: number; username: string }; filePath: string; content: string }) {
  const { tx } = o;
  const path = assertSandboxPath(o.filePath, "file_path");
  const size = assertSandboxContent(o.content, "content");
  const owned = await tx.sandboxFile.findMany({ where: { userId: o.user.id }, select: { id: true, path: true } });
  const existing = owned.find((f) => f.path === path);
  if (!existing) {
    const clash = layoutClash(
      path,
      owned.map((f) => f.path),
    );
    if (clash) throw new ConflictError(`file_path: ${clash}`);
    if (owned.length >= MAX_FILES_PER_USER) {
      throw new ConflictError(`Your workspace already holds ${owned.length} files, the most it may (${MAX_FILES_PER_USER}): delete some before adding another`);
    }
  }
  const select = { id: true, path: true, sizeBytes: true, version: true, createdAt: true, updatedAt: true } as const;
  const file = existing
    ? await tx.sandboxFile.update({ where: { id: existing.id }, data: { content: o.content, sizeBytes: size, version: { increment: 1 } }, select })
    : await tx.sandboxFile.create({ data: { userId: o.user.id, path, content: o.content, sizeBytes: size }, select });
  const sha256 = createHash("sha256").update(o.content).digest("hex");
  await append({ tx, actor: o.user.username, action: "sandbox.file.write", resource: `sandbox_file:${file.id}`, subsystem: "sandbox", payload: { path, size, sha256, version: file.version, created: !existing }, result: "success" });
  return { file, created: !existing };
}
