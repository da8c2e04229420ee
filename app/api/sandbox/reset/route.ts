import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { resetSandboxFiles } from "@/lib/sandbox/files/reset-files";

// Deletes every file of the caller's workspace → {files_deleted, status: "reset"}.
export const POST = route({}, async ({ user }) => {
  const r = await writeTransaction((tx) => resetSandboxFiles({ tx, user }));
  return { files_deleted: r.filesDeleted, status: "reset" };
});
