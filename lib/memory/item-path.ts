import { z } from "zod";
import { PRIVATE_PATH_MARK } from "../knowledge/ingest-text";

/**
 * A memory item's path, as the earlier API let clients name them ("research/ai/notes.md"):
 * segments of letters, digits, '.', '_' and '-', separated by '/'; no empty, '.' or '..'
 * segment; never in the private namespace (`@u…`), which Grace assigns itself.
 */
export const itemPathSchema = z
  .string()
  .trim()
  .min(1, "is required")
  .max(512, "must be at most 512 characters")
  .refine((p) => !p.startsWith(PRIVATE_PATH_MARK), `must not start with ${PRIVATE_PATH_MARK} (private artifacts' namespace)`)
  .refine((p) => p.split("/").every((s) => /^[A-Za-z0-9._-]{1,128}$/.test(s) && s !== "." && s !== ".."), "must be segments of letters, digits, '.', '_' or '-' separated by '/'");
