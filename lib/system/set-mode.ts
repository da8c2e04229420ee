import { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { forgetSystemMode } from "./get-mode";

export const SYSTEM_MODES = ["normal", "read_only", "emergency"] as const;
export const setModeSchema = z.object({
  mode: z.enum(SYSTEM_MODES, { message: `must be one of: ${SYSTEM_MODES.join(", ")}` }),
  reason: z.string().trim().max(500, "must be at most 500 characters").default(""),
});

/**
 * normal | read_only (every mutating API call answers 503; reads work) | emergency (also
 * stops the queue). Audited; every process sees the change within a second.
 */
export async function setSystemMode(o: { tx: Tx; mode: (typeof SYSTEM_MODES)[number]; reason: string; actor: string }) {
  const { tx } = o;
  const before = await tx.systemState.findUniqueOrThrow({ where: { id: 1 } });
  const after = await tx.systemState.update({ where: { id: 1 }, data: { mode: o.mode, reason: o.reason, changedBy: o.actor, changedAt: new Date() } });
  await append({ tx, actor: o.actor, action: "system.mode", resource: "system:mode", subsystem: "health", payload: { from: before.mode, to: o.mode, reason: o.reason }, result: "success" });
  forgetSystemMode();
  return after;
}
