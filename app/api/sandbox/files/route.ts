import { route } from "@/lib/api/route";
import { listSandboxFiles } from "@/lib/sandbox/files/list-files";
import { listFilesQuery } from "@/lib/sandbox/files/schemas";

// The caller's own files in path order: {files: [{path, name, size, extension, updated_at}],
// count (all their files), next_cursor}. The default page holds a whole workspace.
export const GET = route({ query: listFilesQuery }, ({ user, query }) => listSandboxFiles({ user, limit: query.limit, cursor: query.cursor }));
