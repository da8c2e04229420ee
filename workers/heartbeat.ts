import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Db } from "../lib/db/client";

export function workerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Records that this worker is alive; health checks and lease takeovers read it. */
export async function beat(o: { db: Db; id: string; concurrency: number; status?: "running" | "stopping" | "stopped" }) {
  const { db } = o;
  const now = new Date();
  await db.workerHeartbeat.upsert({
    where: { id: o.id },
    create: { id: o.id, hostname: os.hostname(), pid: process.pid, concurrency: o.concurrency, status: o.status ?? "running", lastSeenAt: now },
    update: { status: o.status ?? "running", lastSeenAt: now },
  });
}
