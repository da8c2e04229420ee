// The web side of a run request: decide the program, its limits and what Hunter's code rules say
// about it — all before the transaction — then write the run and its job in one.
import { db as defaultDb, type Db } from "../../db/client";
import { governed } from "../../governance/govern";
import type { Actor } from "../../governance/actions/define";
import { resolveLimits } from "../limits";
import { resolveProgram } from "./program";
import { blockedError } from "./request-run";
import type { RunInput } from "./schemas";

export async function startRun(o: { user: Actor; input: RunInput; db?: Db }) {
  const db = o.db ?? defaultDb;
  const program = await resolveProgram({ db, userId: o.user.id, input: o.input });
  const limits = resolveLimits(o.input.limits ?? {});
  // Governed as sandbox.run with the program resolved, so an approved run runs what was reviewed;
  // Hunter's code rules (checkCode) run in the action's preparation, before the transaction.
  const { run, blocked } = await governed({
    actor: o.user,
    action: "sandbox.run",
    payload: { language: program.language, file_name: program.fileName, command: program.command, source: program.source, args: program.args, stdin: o.input.stdin, limits, save_files: o.input.save_files },
    db,
  });
  // The refusal and the findings behind it are on record; the caller gets 403 naming the rules.
  if (blocked.length) throw blockedError(blocked);
  return run;
}
