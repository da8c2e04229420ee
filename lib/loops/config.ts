import { z } from "zod";
import { db as defaultDb, type Db, type Tx } from "../db/client";
import { Prisma } from "../db/client";
import { append } from "../audit";
import { NotFoundError, ValidationError } from "../errors";

export const LOOP_NAMES = ["reflection", "learning", "meta", "health"] as const;
export type LoopName = (typeof LOOP_NAMES)[number];

const band = z.object({ reflection: z.number().int().min(1), meta: z.number().int().min(1), health: z.number().int().min(1) });

// Each loop's settings, with the defaults the migration seeds.
export const loopSettings = {
  reflection: z.object({
    batch_size: z.number().int().min(1).max(100_000).default(10_000),
    min_count: z.number().int().min(1).default(2),
    max_topics: z.number().int().min(1).max(100).default(10),
  }),
  learning: z.object({ threshold: z.number().int().min(1).default(3), window_hours: z.number().min(1).max(24 * 90).default(24) }),
  meta: z.object({
    high_requests_per_minute: z.number().min(1).default(3000),
    high_messages_per_minute: z.number().min(1).default(120),
    high_queue_depth: z.number().int().min(1).default(200),
    low: band.default({ reflection: 10, meta: 300, health: 30 }),
    high: band.default({ reflection: 60, meta: 3600, health: 120 }),
  }),
  health: z.object({
    failures_before_remedy: z.number().int().min(1).default(2),
    disk_min_free_mb: z.number().min(0).default(200),
    queue_backlog_seconds: z.number().min(1).default(300),
    worker_stale_seconds: z.number().min(1).default(30),
  }),
} as const;

export type LoopSettings<N extends LoopName> = z.output<(typeof loopSettings)[N]>;

export async function getLoopConfig<N extends LoopName>(o: { db: Db | Tx; name: N }) {
  const { db, name } = o;
  const row = await db.loopConfig.findUnique({ where: { name } });
  if (!row) throw new NotFoundError(`loop "${name}"`);
  return { ...row, settings: loopSettings[name].parse(row.settings ?? {}) as LoopSettings<N> };
}

export async function listLoopConfigs(o: { db?: Db | Tx } = {}) {
  const { db = defaultDb } = o;
  const rows = await db.loopConfig.findMany({ orderBy: { name: "asc" } });
  return rows.filter((r) => (LOOP_NAMES as readonly string[]).includes(r.name));
}

export const loopConfigPatch = z.object({
  name: z.enum(LOOP_NAMES),
  interval_seconds: z.number().int("must be a whole number").min(1, "must be at least 1").max(86_400, "must be at most 86400").optional(),
  enabled: z.boolean().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** Changes a loop's interval, switch or settings (merged over the current ones), audited. */
export async function updateLoopConfig(o: { tx: Tx; actor: string; patch: z.output<typeof loopConfigPatch>; reason?: string }) {
  const { tx } = o;
  const current = await getLoopConfig({ db: tx, name: o.patch.name });
  let merged: unknown = current.settings;
  if (o.patch.settings) {
    const parsed = loopSettings[o.patch.name].safeParse({ ...current.settings, ...o.patch.settings });
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => ({ field: ["settings", ...i.path.map(String)].join("."), message: i.message })));
    merged = parsed.data;
  }
  const updated = await tx.loopConfig.update({
    where: { name: o.patch.name },
    data: {
      ...(o.patch.interval_seconds !== undefined ? { intervalSeconds: o.patch.interval_seconds } : {}),
      ...(o.patch.enabled !== undefined ? { enabled: o.patch.enabled } : {}),
      settings: merged as Prisma.InputJsonValue,
      updatedBy: o.actor,
    },
  });
  await append({
    tx,
    actor: o.actor,
    action: "loop.configure",
    resource: `loop:${o.patch.name}`,
    subsystem: "loops",
    payload: {
      before: { interval_seconds: current.intervalSeconds, enabled: current.enabled },
      after: { interval_seconds: updated.intervalSeconds, enabled: updated.enabled },
      settings_changed: o.patch.settings ? Object.keys(o.patch.settings) : [],
      ...(o.reason ? { reason: o.reason } : {}),
    },
    result: "success",
  });
  return updated;
}

export function serializeLoopConfig(r: { name: string; intervalSeconds: number; enabled: boolean; settings: unknown; updatedBy: string | null; updatedAt: Date }) {
  return { name: r.name, interval_seconds: r.intervalSeconds, enabled: r.enabled, settings: r.settings, updated_by: r.updatedBy, updated_at: r.updatedAt.toISOString() };
}
