import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { config } from "@/lib/config";
import { writeTransaction } from "@/lib/db/transaction";
import { MAX_FILE_BYTES } from "@/lib/sandbox/files/limits";
import { writeSandboxFile } from "@/lib/sandbox/files/write-file";
import { writeFileSchema } from "@/lib/sandbox/files/schemas";

// A file of MAX_FILE_BYTES does not fit in a body of GRACE_MAX_BODY_BYTES once JSON-encoded
// (quotes and line breaks escaped, or every non-ASCII character as \uXXXX by clients such as
// Python's json.dumps: up to 3×). Bodies may be that large, never more than an import may be
// (GRACE_MAX_IMPORT_BYTES) and never less than any other body.
const writeBodyBytes = () => Math.max(config.maxBodyBytes, Math.min(config.maxImportBytes, 3 * MAX_FILE_BYTES + 64 * 1024));

// {file_path, content} → {path, size, status: "saved", created}: 201 when the file is new, 200 when replaced.
export const POST = route({ body: writeFileSchema, maxBodyBytes: writeBodyBytes }, async ({ user, body }) => {
  const { file, created } = await writeTransaction((tx) => writeSandboxFile({ tx, user, filePath: body.file_path, content: body.content }));
  return json({ path: file.path, size: file.sizeBytes, status: "saved", created }, { status: created ? 201 : 200 });
});
