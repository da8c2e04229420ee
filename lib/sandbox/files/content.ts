import { invalid } from "../../errors";
import { unstorableCharacter } from "../../text/unstorable";
import { MAX_FILE_BYTES } from "./limits";

/** Why `content` cannot be a file's content (too large, or a character the databases cannot keep), or null. */
export function checkSandboxContent(content: string): string | null {
  const bytes = Buffer.byteLength(content, "utf8");
  if (bytes > MAX_FILE_BYTES) return `Content too large (max ${MAX_FILE_BYTES} bytes): it is ${bytes} bytes (UTF-8)`;
  return unstorableCharacter(content);
}

/** The content's size in UTF-8 bytes, or a ValidationError on `field`. */
export function assertSandboxContent(content: string, field: string): number {
  const problem = checkSandboxContent(content);
  if (problem) throw invalid(field, problem);
  return Buffer.byteLength(content, "utf8");
}
