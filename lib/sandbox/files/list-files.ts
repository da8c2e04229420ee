import { db as defaultDb, type Db } from "../../db/client";
import { byPath } from "./layout";
import { encodePathCursor } from "./schemas";
import { serializeListedFile } from "./serialize";

/**
 * The user's own files in path order, a page after `cursor` (a path): `{files, count,
 * next_cursor}`, count being all their files. Private workspaces: admins see only theirs too.
 * Sorted here, over at most MAX_FILES_PER_USER rows, so the order is the same on both databases.
 */
export async function listSandboxFiles(o: { user: { id: number }; limit: number; cursor?: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const rows = await db.sandboxFile.findMany({ where: { userId: o.user.id }, select: { path: true, sizeBytes: true, updatedAt: true } });
  rows.sort(byPath);
  const after = o.cursor;
  const rest = after === undefined ? rows : rows.filter((r) => r.path > after);
  const page = rest.slice(0, o.limit);
  const next_cursor = rest.length > o.limit ? encodePathCursor(page[page.length - 1].path) : null;
  return { files: page.map(serializeListedFile), count: rows.length, next_cursor };
}
