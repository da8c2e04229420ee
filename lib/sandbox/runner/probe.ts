// What the health check reports about the sandbox: null when a run works here, else a problem
// in words an admin can act on ("unavailable: bubblewrap … is not installed … apt-get install
// bubblewrap"). It runs a real, tiny program through runProgram, so a host where bwrap is
// installed but cannot create its namespaces shows up too.
import { config } from "../../config";
import { DomainError } from "../../errors";
import { runProgram } from "./run-program";
import { interpreterFor, isolationTools } from "./tools";
import { LANGUAGES } from "./types";

export async function sandboxProblem(): Promise<string | null> {
  try {
    isolationTools();
  } catch (error) {
    if (error instanceof DomainError) return `unavailable: ${error.message}`;
    throw error;
  }
  const missing: string[] = [];
  for (const language of LANGUAGES) {
    try {
      interpreterFor(language);
    } catch (error) {
      if (error instanceof DomainError) missing.push(`${language}: ${error.message}`);
      else throw error;
    }
  }
  try {
    const result = await runProgram({ language: "bash", code: "exit 0", limits: { wall_seconds: 5 } });
    if (result.status !== "ok") return `unavailable: a trial run ended with ${result.status} (${result.stderr.trim().slice(0, 200) || "no output"})`;
  } catch (error) {
    // Every slot busy is not a problem of the sandbox: the runs in them prove it works.
    if (error instanceof DomainError && !/slots are in use/.test(error.message)) return `unavailable: ${error.message}`;
    if (!(error instanceof DomainError)) throw error;
  }
  if (missing.length) return `some languages cannot run: ${missing.join("; ")}`;
  if (config.sandbox.mode === "process") return "process mode (GRACE_SANDBOX=process): runs are limited but not isolated from the host's files; install bubblewrap and unset GRACE_SANDBOX";
  if (process.getuid?.() !== 0) return "the worker is not root, so runs share its uid: the process limit is not applied and concurrent runs are not kept apart by uid";
  return null;
}
