import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteSandboxFile } from "@/lib/sandbox/files/delete-file";
import { deleteFileSchema } from "@/lib/sandbox/files/schemas";

// {file_path} (a file, or a folder and everything in it) → {path, status: "deleted", files_deleted}.
export const POST = route({ body: deleteFileSchema }, async ({ user, body }) => {
  const r = await writeTransaction((tx) => deleteSandboxFile({ tx, user, filePath: body.file_path }));
  return { path: r.path, status: "deleted", files_deleted: r.filesDeleted };
});
