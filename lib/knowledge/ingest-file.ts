// The upload pipeline behind POST /api/ingest/file: check the file and the form's fields,
// extract the text (parsers run in a child process under OS limits, see lib/parse), prepare
// it, and store it in one audited write transaction that only writes rows.
import { z } from "zod";
import type { Db } from "../db/client";
import { invalid, ValidationError } from "../errors";
import { extractText } from "./extract-text";
import { recheckAfterIngest } from "../goals/recheck-research-goals";
import { unstorableCharacter } from "../text/unstorable";
import { ingestContent, ingestTextSchema, manualTrust, MAX_CONTENT_CHARS } from "./ingest-text";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Longest file name accepted: what most file systems allow. */
export const MAX_FILE_NAME_CHARS = 255;

const fieldsSchema = z.object({
  domain: ingestTextSchema.shape.domain,
  visibility: ingestTextSchema.shape.visibility,
  title: z
    .string()
    .trim()
    .max(256, "must be at most 256 characters")
    .superRefine((title, ctx) => {
      const bad = unstorableCharacter(title);
      if (bad) ctx.addIssue({ code: "custom", message: bad });
    })
    .optional(),
});

export type IngestFileOptions = {
  user: { id: number; username: string };
  file: { name: string; bytes: Uint8Array };
  /** The form's other fields, as sent (empty ones left out). */
  fields: { domain?: string; visibility?: string; title?: string };
  db?: Db;
};

/**
 * Ingests one uploaded file. 422 names `file` (empty, too large, a name over 255 characters
 * or with control characters, unreadable, no text, a NUL character, over a parse limit) or
 * the bad field; 415 lists the supported types.
 * `status` is "duplicate" (and nothing is stored) when the same content is already in scope.
 */
export async function ingestFile(o: IngestFileOptions) {
  const { name, bytes } = o.file;
  if (bytes.length === 0) throw invalid("file", "is required (a non-empty file)");
  if (bytes.length > MAX_FILE_BYTES) throw invalid("file", `must be at most ${MAX_FILE_BYTES / (1024 * 1024)} MB`);
  if (name.length > MAX_FILE_NAME_CHARS) throw invalid("file", `has a name longer than ${MAX_FILE_NAME_CHARS} characters (the limit)`);
  const badName = unstorableCharacter(name, { lineBreaks: false });
  if (badName) throw invalid("file", `has a name that ${badName}`);
  const fields = fieldsSchema.safeParse(o.fields);
  if (!fields.success) throw new ValidationError(fields.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })));

  const extracted = await extractText({ filename: name, bytes });
  if (!extracted.text.trim()) throw invalid("file", "has no text (only whitespace)");
  if (extracted.text.length > MAX_CONTENT_CHARS) throw invalid("file", `has more than ${MAX_CONTENT_CHARS} characters of text (the limit)`);
  const input = ingestTextSchema.parse({
    // The title given, else the document's own (first heading, PDF title), else the file name.
    title: fields.data.title || extracted.title || name,
    content: extracted.text,
    domain: fields.data.domain,
    artifact_type: extracted.artifactType,
    visibility: fields.data.visibility,
    metadata: { filename: name, size: bytes.length },
  });
  const { status, artifact } = await ingestContent({ user: o.user, input, field: "file", source: "file", mimeType: extracted.mimeType, trustScore: manualTrust(), db: o.db });
  // New knowledge may answer questions its owner asked before.
  if (status === "ingested") await recheckAfterIngest({ user: o.user, db: o.db });
  return { status, artifact, filename: name, size: bytes.length };
}
