import type { Tx } from "../../db/client";
import { append } from "../../audit";
import { byPath } from "./layout";

/** Empties the user's workspace, audited once (`sandbox.reset`, naming the files removed). */
export async function resetSandboxFiles(o: { tx: Tx; user: { id: number; username: string } }) {
  const { tx } = o;
  const scope = { userId: o.user.id };
  const owned = await tx.sandboxFile.findMany({ where: scope, select: { path: true } });
  const { count } = await tx.sandboxFile.deleteMany({ where: scope });
  await append({ tx, actor: o.user.username, action: "sandbox.reset", resource: `user:${o.user.id}`, subsystem: "sandbox", payload: { files_deleted: count, paths: owned.sort(byPath).map((f) => f.path) }, result: "success" });
  return { filesDeleted: count };
}
