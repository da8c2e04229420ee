// Asks the worker to run a program: the run row and its job are written together, audited, with
// what Hunter's code rules found (a "block" finding refuses the run and records why). The web
// process never runs user code; it waits for the worker (or streams) afterwards.
import { Prisma, type Tx } from "../../db/client";
import { append } from "../../audit";
import { enqueue } from "../../jobs/enqueue";
import { recordFindings, type Finding } from "../../hunter/scan";
import { ForbiddenError } from "../../errors";
import type { SandboxLimits } from "../limits";
import type { Program } from "./program";
import type { Diagnostic } from "./serialize";

export async function requestRun(o: {
  tx: Tx;
  user: { id: number; username: string };
  program: Program;
  stdin: string;
  limits: SandboxLimits;
  diagnostics: Diagnostic[];
  findings: Finding[];
  /** Keep the files the run writes (they are dropped by default). */
  saveFiles: boolean;
}) {
  const { tx, user, program } = o;
  const blocking = o.findings.filter((f) => f.action === "block");
  const run = await tx.sandboxRun.create({
    data: {
      userId: user.id,
      language: program.language,
      command: program.command,
      fileName: program.fileName,
      source: program.source,
      stdin: o.stdin,
      args: program.args,
      limits: o.limits as unknown as Prisma.InputJsonValue,
      diagnostics: o.diagnostics as unknown as Prisma.InputJsonValue,
      securityAlerts: o.findings.length,
      status: blocking.length ? "failed" : "queued",
      message: blocking.length ? `Blocked by a security rule: ${blocking.map((f) => f.rule).join(", ")}` : null,
      finishedAt: blocking.length ? new Date() : null,
    },
  });
  await recordFindings({ tx, findings: o.findings, input: { target: "code", text: program.source, user }, resource: `sandbox_run:${run.id}`, blocked: blocking.length > 0 });
  if (blocking.length) {
    await append({ tx, actor: user.username, action: "sandbox.run.blocked", resource: `sandbox_run:${run.id}`, subsystem: "sandbox", payload: { language: program.language, file: program.fileName, rules: blocking.map((f) => f.rule) }, result: "blocked" });
    return { run, blocked: blocking };
  }
  // A user's program is never run twice by the queue: a crash mid-run is reported, not retried.
  const job = await enqueue({ tx, kind: "sandbox_run", payload: { run_id: run.id, save_files: o.saveFiles }, description: `Run ${program.fileName}`, createdById: user.id, priority: 10, maxAttempts: 1 });
  await tx.sandboxRun.update({ where: { id: run.id }, data: { jobId: job.id } });
  await append({ tx, actor: user.username, action: "sandbox.run.request", resource: `sandbox_run:${run.id}`, subsystem: "sandbox", payload: { language: program.language, file: program.fileName, job: job.id, security_alerts: o.findings.length }, result: "success" });
  return { run: { ...run, jobId: job.id }, blocked: [] };
}

/** The refusal for a run a rule blocked, naming the rules. */
export function blockedError(blocked: Finding[]) {
  return new ForbiddenError(`Blocked by policy: ${blocked.map((f) => `${f.rule} (${f.details})`).join("; ")}`);
}
