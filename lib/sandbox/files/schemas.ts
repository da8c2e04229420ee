// What the sandbox file routes accept, checked by the same rules the verbs apply (path.ts,
// content.ts), so a bad path is refused before anything is read and the 422 names its rule.
import { z } from "zod";
import { checkSandboxContent } from "./content";
import { checkSandboxPath } from "./path";
import { MAX_FILES_PER_USER } from "./limits";

/** A file's path. */
export const filePathSchema = z.string().superRefine((value, ctx) => {
  const problem = checkSandboxPath(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem.message });
});

/** A file's or a folder's path (rename and delete take either); the verb checks a file's extension. */
export const entryPathSchema = z.string().superRefine((value, ctx) => {
  const problem = checkSandboxPath(value, { folder: true });
  if (problem) ctx.addIssue({ code: "custom", message: problem.message });
});

export const contentSchema = z.string().superRefine((value, ctx) => {
  const problem = checkSandboxContent(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const writeFileSchema = z.object({ file_path: filePathSchema, content: contentSchema });
export const readFileQuery = z.object({ file_path: filePathSchema });
export const renameFileSchema = z.object({ file_path: entryPathSchema, new_path: entryPathSchema });
export const deleteFileSchema = z.object({ file_path: entryPathSchema });

// A page may hold a whole workspace, so clients of the earlier API (which had no paging) get
// every file from one call.
export const listFilesQuery = z.object({
  limit: z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_FILES_PER_USER, `must be at most ${MAX_FILES_PER_USER}`)
    .default(MAX_FILES_PER_USER),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      const after = decodePathCursor(value);
      if (after === null) {
        ctx.addIssue({ code: "custom", message: "is not a cursor this API issued" });
        return z.NEVER;
      }
      return after;
    }),
});

// Files are listed in path order, so a cursor is the last path of a page (opaque to clients).
export function encodePathCursor(path: string): string {
  return Buffer.from(`p1:${path}`).toString("base64url");
}

export function decodePathCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, "base64url").toString();
  return text.startsWith("p1:") && text.length > 3 ? text.slice(3) : null;
}
