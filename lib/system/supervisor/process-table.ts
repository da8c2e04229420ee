// The SupervisedProcess rows one supervisor keeps about its children (health shows them).
// A restart is audited in the same transaction as the row change (and, when it was
// requested, as marking its command done).
import type { Db, Tx } from "../../db/client";
import { writeTransaction } from "../../db/transaction";
import { append } from "../../audit";
import type { ExitInfo, StartCause } from "./supervised";
import { SYSTEM_ACTOR } from "../../audit/actors";

export type ProcessKey = { supervisor: string; hostname: string; name: string };

const rowId = (k: ProcessKey) => `${k.supervisor}:${k.name}`;

type RowData = {
  pid: number | null;
  status: string;
  restarts?: number;
  startedAt?: Date;
  exit?: ExitInfo | null;
};

function save(db: Db | Tx, k: ProcessKey, d: RowData) {
  const data = {
    pid: d.pid,
    status: d.status,
    ...(d.restarts === undefined ? {} : { restarts: d.restarts }),
    ...(d.startedAt ? { startedAt: d.startedAt } : {}),
    ...(d.exit ? { lastExitCode: d.exit.code, lastExitSignal: d.exit.signal, lastExitAt: d.exit.at } : {}),
  };
  return db.supervisedProcess.upsert({ where: { id: rowId(k) }, create: { id: rowId(k), supervisor: k.supervisor, hostname: k.hostname, name: k.name, ...data }, update: data });
}

/** The pid inside a supervisor id (hostname:pid:random). */
export function supervisorPid(supervisor: string): number {
  const parts = supervisor.split(":");
  return Number(parts[parts.length - 2]);
}

/**
 * Deletes the rows of earlier supervisors on this host whose process is gone (a stopped or
 * killed `npm start`), so health lists only what can still be running.
 */
export async function forgetGoneSupervisors(o: { db: Db; supervisor: string; hostname: string; isAlive: (pid: number) => boolean }) {
  const rows = await o.db.supervisedProcess.findMany({ where: { hostname: o.hostname, supervisor: { not: o.supervisor } }, select: { id: true, supervisor: true } });
  const gone = rows.filter((r) => !o.isAlive(supervisorPid(r.supervisor))).map((r) => r.id);
  if (gone.length) await o.db.supervisedProcess.deleteMany({ where: { id: { in: gone } } });
  return gone.length;
}

export function recordFirstStart(o: { db: Db; key: ProcessKey; pid: number | null; startedAt: Date }) {
  return save(o.db, o.key, { pid: o.pid, status: "running", restarts: 0, startedAt: o.startedAt });
}

export function recordStatus(o: { db: Db; key: ProcessKey; status: "backoff" | "restarting" | "stopping" | "stopped"; exit?: ExitInfo | null }) {
  return save(o.db, o.key, { pid: null, status: o.status, exit: o.exit });
}

/** A child running again after a crash or on request: the row, the command, the audit entry. */
export async function recordRestart(o: {
  db: Db;
  key: ProcessKey;
  pid: number | null;
  startedAt: Date;
  restarts: number;
  cause: Exclude<StartCause, { kind: "initial" }>;
}) {
  const exit = o.cause.exit;
  const request = o.cause.kind === "request" ? o.cause.request : undefined;
  await writeTransaction(async (tx) => {
    await save(tx, o.key, { pid: o.pid, status: "running", restarts: o.restarts, startedAt: o.startedAt, exit });
    if (request?.commandId !== undefined) {
      await tx.supervisorCommand.update({ where: { id: request.commandId }, data: { status: "done", finishedAt: new Date() } });
    }
    await append({
      tx,
      actor: SYSTEM_ACTOR,
      action: "system.restart",
      resource: `process:${o.key.name}`,
      subsystem: "health",
      payload: {
        reason: o.cause.kind === "crash" ? "crashed" : "requested",
        pid: o.pid,
        previous_pid: exit?.pid ?? null,
        exit_code: exit?.code ?? null,
        signal: exit?.signal ?? null,
        ...(o.cause.kind === "crash" ? { attempt: o.cause.attempt } : { command_id: request?.commandId ?? null, requested_by: request?.requestedBy ?? null }),
        restarts: o.restarts,
        supervisor: o.key.supervisor,
      },
      result: "success",
    });
  }, o.db);
}
