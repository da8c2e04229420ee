// The web side of a run request: decide the program, its limits and what Hunter's code rules say
// about it — all before the transaction — then write the run and its job in one.
import { db as defaultDb, type Db } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import { checkCode } from "../../code/check-code";
import { resolveLimits } from "../limits";
import { resolveProgram } from "./program";
import { blockedError, requestRun } from "./request-run";
import type { RunInput } from "./schemas";

export async function startRun(o: { user: { id: number; username: string }; input: RunInput; db?: Db }) {
  const db = o.db ?? defaultDb;
  const program = await resolveProgram({ db, userId: o.user.id, input: o.input });
  const limits = resolveLimits(o.input.limits ?? {});
  const { diagnostics, findings } = await checkCode({ db, language: program.language, fileName: program.fileName, code: program.source });
  const { run, blocked } = await writeTransaction((tx) => requestRun({ tx, user: o.user, program, stdin: o.input.stdin, limits, diagnostics, findings, saveFiles: o.input.save_files }), db);
  // The refusal and the findings behind it are on record; the caller gets 403 naming the rules.
  if (blocked.length) throw blockedError(blocked);
  return run;
}
