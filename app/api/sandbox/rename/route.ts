import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { renameSandboxFile } from "@/lib/sandbox/files/rename-file";
import { renameFileSchema } from "@/lib/sandbox/files/schemas";

// {file_path, new_path} (a file, or a folder and everything in it) → {path, old_path, status: "renamed", files_renamed}.
export const POST = route({ body: renameFileSchema }, async ({ user, body }) => {
  const r = await writeTransaction((tx) => renameSandboxFile({ tx, user, filePath: body.file_path, newPath: body.new_path }));
  return { path: r.path, old_path: r.oldPath, status: "renamed", files_renamed: r.filesRenamed };
});
