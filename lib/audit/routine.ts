import { WORKER_ACTOR } from "./actors";

/**
 * Entries Grace writes on its own as a matter of course: the worker finishing a job (every
 * loop cycle is one). They outnumber everything people do, so lists can leave them out
 * (`routine: false`); they stay in the log and in the chain.
 */
export const ROUTINE_ENTRIES: readonly { actor: string; action: string }[] = [{ actor: WORKER_ACTOR, action: "job.complete" }];

export function isRoutine(e: { actor: string; action: string }): boolean {
  return ROUTINE_ENTRIES.some((r) => r.actor === e.actor && r.action === e.action);
}
