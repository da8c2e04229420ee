import { z } from "zod";
import { LANGUAGES } from "../runner/types";
import { LIMIT_NAMES } from "../limits";

const MAX_CODE_BYTES = 1_048_576;
const MAX_STDIN_BYTES = 1_048_576;

/** `POST /api/sandbox/run`: a saved file, the editor's buffer (`code`), or the earlier API's `{command, file_name}`. */
export const runInputSchema = z
  .object({
    file_name: z.string().trim().min(1, "must not be empty").max(255, "must be at most 255 characters").optional(),
    language: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(", ")}` }).optional(),
    code: z.string().refine((s) => Buffer.byteLength(s) <= MAX_CODE_BYTES, `must be at most ${MAX_CODE_BYTES} bytes`).optional(),
    stdin: z.string().refine((s) => Buffer.byteLength(s) <= MAX_STDIN_BYTES, `must be at most ${MAX_STDIN_BYTES} bytes`).default(""),
    args: z.array(z.string().max(1000, "each must be at most 1000 characters")).max(50, "must be at most 50 arguments").default([]),
    limits: z.object(Object.fromEntries(LIMIT_NAMES.map((n) => [n, z.number().positive("must be positive").optional()]))).strict().optional(),
    command: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
    /** Keep the files the run writes in its workspace among the user's files (by default they are dropped). */
    save_files: z.boolean().default(false),
    /** Answer at once with the run's id (202) and stream its output from /api/sandbox/runs/:id/stream. */
    stream: z.boolean().default(false),
  })
  .refine((v) => v.file_name !== undefined || v.code !== undefined || v.command !== undefined, { message: "give file_name, code or command", path: ["file_name"] });

export type RunInput = z.output<typeof runInputSchema>;
