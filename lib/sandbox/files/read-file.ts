import { db as defaultDb, type Db } from "../../db/client";
import { NotFoundError } from "../../errors";
import { assertSandboxPath } from "./path";

/** One of the user's own files, content included; "File not found" for anyone else's. */
export async function readSandboxFile(o: { user: { id: number }; filePath: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const path = assertSandboxPath(o.filePath, "file_path");
  const file = await db.sandboxFile.findFirst({ where: { userId: o.user.id, path } });
  if (!file) throw new NotFoundError("File");
  return file;
}
