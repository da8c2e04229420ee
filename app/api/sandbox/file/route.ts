import { route } from "@/lib/api/route";
import { readSandboxFile } from "@/lib/sandbox/files/read-file";
import { readFileQuery } from "@/lib/sandbox/files/schemas";
import { serializeReadFile } from "@/lib/sandbox/files/serialize";

// ?file_path= → {file_path, content, size, updated_at}; 404 "File not found" (also for anyone else's).
export const GET = route({ query: readFileQuery }, async ({ user, query }) => serializeReadFile(await readSandboxFile({ user, filePath: query.file_path })));
