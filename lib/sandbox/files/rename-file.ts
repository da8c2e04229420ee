import type { Tx } from "../../db/client";
import { appendMany } from "../../audit";
import { ConflictError, NotFoundError, invalid } from "../../errors";
import { filesAt, layoutClash } from "./layout";
import { assertSandboxPath, checkSandboxPath } from "./path";

/**
 * Moves one of the user's files to `newPath`, or, when `filePath` names a folder, every file
 * in it (the IDE's tree renames folders). Each moved file is audited (`sandbox.file.rename`).
 * Nothing is overwritten: a file already at a new path is a conflict.
 */
export async function renameSandboxFile(o: { tx: Tx; user: { id: number; username: string }; filePath: string; newPath: string }) {
  const { tx } = o;
  const from = assertSandboxPath(o.filePath, "file_path", { folder: true });
  const to = assertSandboxPath(o.newPath, "new_path", { folder: true });
  if (to === from) throw invalid("new_path", "is the current path");
  const owned = await tx.sandboxFile.findMany({ where: { userId: o.user.id }, select: { id: true, path: true } });
  const target = filesAt(owned, from);
  if (target.files.length === 0) throw new NotFoundError("File");
  if (target.folder && to.startsWith(`${from}/`)) throw invalid("new_path", "is inside the folder being moved");

  const moves = target.files.map((f) => ({ id: f.id, from: f.path, to: target.folder ? `${to}${f.path.slice(from.length)}` : to }));
  for (const m of moves) {
    const problem = checkSandboxPath(m.to);
    if (problem) throw invalid("new_path", target.folder ? `would move "${m.from}" to "${m.to}", which ${problem.message}` : problem.message);
  }
  const moving = new Set(moves.map((m) => m.id));
  const staying = owned.filter((f) => !moving.has(f.id)).map((f) => f.path);
  for (const m of moves) {
    const clash = layoutClash(m.to, staying);
    if (clash) throw new ConflictError(`new_path: ${clash}`);
  }

  // Moving "a/b" to "a" can give one file the path another still has: park them first.
  const oldPaths = new Set(moves.map((m) => m.from));
  if (moves.some((m) => oldPaths.has(m.to))) {
    for (const m of moves) await tx.sandboxFile.update({ where: { id: m.id }, data: { path: `\u0001moving/${m.id}` } });
  }
  for (const m of moves) await tx.sandboxFile.update({ where: { id: m.id }, data: { path: m.to } });
  await appendMany({
    tx,
    events: moves.map((m) => ({ actor: o.user.username, action: "sandbox.file.rename", resource: `sandbox_file:${m.id}`, subsystem: "sandbox", payload: { from: m.from, to: m.to }, result: "success" })),
  });
  return { path: to, oldPath: from, filesRenamed: moves.length };
}
