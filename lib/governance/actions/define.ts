import type { z } from "zod";
import type { Db, Tx } from "../../db/client";

/** Who an action runs as: the requester, also when an approved action is replayed by the worker. */
export type Actor = { id: number; username: string; role: "admin" | "user" };

export type ActionDef<S extends z.ZodType, Prepared, Result> = {
  /** The action's name in the audit log; a policy's action_type. */
  name: string;
  /** What it is, for the Governance page. */
  label: string;
  payload: S;
  /** What it acts on ("artifact:12", a URL), matched by a condition's resource glob. */
  resource: (p: z.output<S>) => string;
  /** For the trust_score part of a condition; actions without one never match such a part. */
  trustScore?: (p: z.output<S>) => number | null;
  /** Slow work and reads done before the write transaction opens (scans, program resolution). */
  prepare?: (o: { db: Db; actor: Actor; payload: z.output<S> }) => Promise<Prepared>;
  /** Performs the action inside the caller's audited transaction; the lib verb audits it. */
  perform: (o: { tx: Tx; actor: Actor; payload: z.output<S>; prepared: Prepared; approvalId?: number }) => Promise<Result>;
  /** What of the result is kept on the approval once it ran (never secrets). */
  summarize?: (result: Result) => unknown;
  /** A result that means the action did not happen (a security rule blocked the run): why. */
  failure?: (result: Result) => string | null;
  /**
   * Performed inside the approving admin's transaction rather than by a governed_action job:
   * the action only queues its own job, which marks the approval executed or failed (URL ingestion).
   */
  queuesOwnJob?: true;
  /** The actionType approvals of this action were stored under before the registry existed. */
  legacyType?: string;
};

export function defineAction<S extends z.ZodType, Prepared = undefined, Result = unknown>(def: ActionDef<S, Prepared, Result>) {
  return def;
}
