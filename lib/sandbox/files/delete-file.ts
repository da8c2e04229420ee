import type { Tx } from "../../db/client";
import { appendMany } from "../../audit";
import { NotFoundError } from "../../errors";
import { filesAt } from "./layout";
import { assertSandboxPath } from "./path";

/** Deletes one of the user's files, or, when `filePath` names a folder, every file in it; each audited (`sandbox.file.delete`). */
export async function deleteSandboxFile(o: { tx: Tx; user: { id: number; username: string }; filePath: string }) {
  const { tx } = o;
  const path = assertSandboxPath(o.filePath, "file_path", { folder: true });
  const scope = { userId: o.user.id };
  const owned = await tx.sandboxFile.findMany({ where: scope, select: { id: true, path: true, sizeBytes: true } });
  const target = filesAt(owned, path);
  if (target.files.length === 0) throw new NotFoundError("File");
  await tx.sandboxFile.deleteMany({ where: { ...scope, id: { in: target.files.map((f) => f.id) } } });
  await appendMany({
    tx,
    events: target.files.map((f) => ({ actor: o.user.username, action: "sandbox.file.delete", resource: `sandbox_file:${f.id}`, subsystem: "sandbox", payload: { path: f.path, size: f.sizeBytes }, result: "success" })),
  });
  return { path, filesDeleted: target.files.length };
}
