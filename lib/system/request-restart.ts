import { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError } from "../errors";

export const SUPERVISED_COMPONENTS = ["web", "worker"] as const;
export const restartRequestSchema = z.object({
  component: z.enum(SUPERVISED_COMPONENTS, { message: `must be one of: ${SUPERVISED_COMPONENTS.join(", ")}` }),
});

/**
 * Asks the supervisor (`npm start`) to restart a child gracefully: writes a command row that
 * every supervisor polls (the web process cannot signal a process it did not start, maybe
 * on another host). Audited as system.restart_requested; the supervisor audits the restart.
 */
export async function requestRestart(o: { tx: Tx; component: (typeof SUPERVISED_COMPONENTS)[number]; actor: string }) {
  const { tx } = o;
  // Without a supervisor the row would wait forever: say so instead.
  const supervised = await tx.supervisedProcess.count({ where: { name: o.component, status: { not: "stopped" } } });
  if (supervised === 0) throw new ConflictError(`No supervisor runs the ${o.component} process here (start Grace with npm start)`);
  const command = await tx.supervisorCommand.create({ data: { action: "restart", component: o.component, requestedBy: o.actor } });
  await append({
    tx,
    actor: o.actor,
    action: "system.restart_requested",
    resource: `process:${o.component}`,
    subsystem: "health",
    payload: { command_id: command.id, component: o.component },
    result: "success",
  });
  return { status: "requested" as const, command_id: command.id, component: o.component };
}
