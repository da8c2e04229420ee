import { z } from "zod";
import type { Tx } from "../db/client";
import { append } from "../audit";
import { ConflictError, NotFoundError } from "../errors";
import { bumpCacheVersion } from "../db/cache-version";
import { TRUST_CACHE_NAME } from "./score-url";

export const sourceSchema = z.object({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "is required")
    .max(253, "is too long")
    .regex(/^(localhost|([a-z0-9-]+\.)+[a-z0-9-]+)$/, "must be a host name such as docs.example.com"),
  trust_score: z.number().min(0, "must be between 0 and 100").max(100, "must be between 0 and 100"),
  category: z.string().trim().max(64).default("general"),
  description: z.string().trim().max(500).default(""),
});

// Not sourceSchema.partial(): its defaults would reset a category or description left out of a patch.
export const sourcePatchSchema = z
  .object({
    trust_score: sourceSchema.shape.trust_score.optional(),
    category: z.string().trim().max(64).optional(),
    description: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.trust_score !== undefined || v.category !== undefined || v.description !== undefined, "give at least one of trust_score, category, description");

export function serializeSource(s: { id: number; domain: string; trustScore: number; category: string; description: string; autoApproveThreshold: number; lastVerifiedAt: Date | null; updatedAt: Date }) {
  return {
    id: s.id,
    domain: s.domain,
    trust_score: s.trustScore,
    category: s.category,
    description: s.description,
    auto_approve_threshold: s.autoApproveThreshold,
    last_verified: s.lastVerifiedAt?.toISOString() ?? null,
    updated_at: s.updatedAt.toISOString(),
  };
}

export async function createSource(o: { tx: Tx; actor: { id: number; username: string }; input: z.output<typeof sourceSchema> }) {
  const { tx } = o;
  if (await tx.trustedSource.findUnique({ where: { domain: o.input.domain }, select: { id: true } })) throw new ConflictError(`${o.input.domain} is already a listed source: change it instead`);
  const source = await tx.trustedSource.create({
    data: { domain: o.input.domain, trustScore: o.input.trust_score, category: o.input.category, description: o.input.description, verifiedById: o.actor.id, lastVerifiedAt: new Date() },
  });
  await append({ tx, actor: o.actor.username, action: "trust.source.create", resource: `source:${source.domain}`, subsystem: "trust", payload: { trust_score: source.trustScore }, result: "success" });
  await bumpCacheVersion({ tx, name: TRUST_CACHE_NAME }); // every process drops its cached scores
  return source;
}

export async function updateSource(o: { tx: Tx; actor: { id: number; username: string }; id: number; input: z.output<typeof sourcePatchSchema> }) {
  const { tx } = o;
  const before = await tx.trustedSource.findUnique({ where: { id: o.id } });
  if (!before) throw new NotFoundError("trusted source");
  const source = await tx.trustedSource.update({
    where: { id: o.id },
    data: {
      ...(o.input.trust_score !== undefined ? { trustScore: o.input.trust_score } : {}),
      ...(o.input.category !== undefined ? { category: o.input.category } : {}),
      ...(o.input.description !== undefined ? { description: o.input.description } : {}),
      verifiedById: o.actor.id,
      lastVerifiedAt: new Date(),
    },
  });
  await append({ tx, actor: o.actor.username, action: "trust.source.update", resource: `source:${source.domain}`, subsystem: "trust", payload: { from: before.trustScore, to: source.trustScore }, result: "success" });
  await bumpCacheVersion({ tx, name: TRUST_CACHE_NAME }); // every process drops its cached scores
  return source;
}

export async function deleteSource(o: { tx: Tx; actor: { username: string }; id: number }) {
  const { tx } = o;
  const source = await tx.trustedSource.findUnique({ where: { id: o.id } });
  if (!source) throw new NotFoundError("trusted source");
  await tx.trustedSource.delete({ where: { id: o.id } });
  await append({ tx, actor: o.actor.username, action: "trust.source.delete", resource: `source:${source.domain}`, subsystem: "trust", payload: { trust_score: source.trustScore }, result: "success" });
  await bumpCacheVersion({ tx, name: TRUST_CACHE_NAME }); // every process drops its cached scores
}
