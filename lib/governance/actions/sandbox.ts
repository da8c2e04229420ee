import { z } from "zod";
import { checkCode } from "../../code/check-code";
import { LIMIT_NAMES, type SandboxLimits } from "../../sandbox/limits";
import { LANGUAGES } from "../../sandbox/runner/types";
import { requestRun } from "../../sandbox/runs/request-run";
import { defineAction } from "./define";

/**
 * The program as resolved when it was asked for (its source, not a file name), so an approved
 * run runs exactly what was reviewed even if the file changed since.
 */
export const sandboxRun = defineAction({
  name: "sandbox.run",
  label: "Run code in the sandbox",
  payload: z.object({
    language: z.enum(LANGUAGES),
    file_name: z.string().max(255),
    command: z.string().max(1000),
    source: z.string().max(1_048_576),
    args: z.array(z.string().max(1000)).max(50).default([]),
    stdin: z.string().max(1_048_576).default(""),
    limits: z.object(Object.fromEntries(LIMIT_NAMES.map((n) => [n, z.number().positive()]))),
    save_files: z.boolean().default(false),
  }),
  resource: (p) => `sandbox:${p.file_name}`,
  // Hunter's code rules are CPU work: before the transaction, every time the program is about to run.
  prepare: async ({ db, payload }) => checkCode({ db, language: payload.language, fileName: payload.file_name, code: payload.source }),
  perform: async ({ tx, actor, payload, prepared }) =>
    requestRun({
      tx,
      user: actor,
      program: { language: payload.language, fileName: payload.file_name, command: payload.command, source: payload.source, args: payload.args },
      stdin: payload.stdin,
      limits: payload.limits as unknown as SandboxLimits,
      diagnostics: prepared.diagnostics,
      findings: prepared.findings,
      saveFiles: payload.save_files,
    }),
  summarize: ({ run, blocked }) => ({ run_id: run.id, job_id: run.jobId, blocked: blocked.map((f) => f.rule) }),
  failure: ({ blocked }) => (blocked.length ? `Blocked by a security rule: ${blocked.map((f) => f.rule).join(", ")}` : null),
});
