import { db as defaultDb, type Db } from "../db/client";
import { readableArtifacts } from "../auth/access";
import { entryHash } from "../audit/hash";
import { NotFoundError } from "../errors";

/**
 * The earlier API's memory item: an artifact the user may read, found by path, with its
 * content, and its audit trail (every log entry about it, newest first) whose hashes are
 * recomputed here — `chain_verification` says whether each entry is still what was written.
 */
export async function getMemoryItem(o: { user: { id: number }; path: string; db?: Db }) {
  const db = o.db ?? defaultDb;
  const a = await db.knowledgeArtifact.findFirst({ where: { path: o.path, ...readableArtifacts(o.user) }, include: { owner: { select: { username: true } } } });
  if (!a) throw new NotFoundError("artifact");
  const [current, trail] = await Promise.all([
    db.knowledgeArtifactVersion.findUniqueOrThrow({ where: { artifactId_version: { artifactId: a.id, version: a.version } }, select: { content: true } }),
    db.logEntry.findMany({ where: { resource: `artifact:${a.id}` }, orderBy: { sequence: "desc" }, take: 200 }),
  ]);
  // Payloads are stored as their JSON text; a row whose text no longer parses was altered too.
  const parsed = trail.map((e) => ({ ...e, payload: parseJson(e.payload) }));
  const broken = parsed.find((e) => e.payload === UNREADABLE || entryHash(e) !== e.entryHash);
  return {
    id: a.id,
    path: a.path,
    content: current.content,
    domain: a.domain,
    category: a.category,
    status: a.status,
    version: a.version,
    created_by: a.owner.username,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    audit_trail: parsed.map((e) => ({
      operation: e.action,
      actor: e.actor,
      reason: (e.payload as { reason?: unknown } | null)?.reason ?? null,
      operation_hash: e.entryHash,
      previous_hash: e.prevHash,
      timestamp: e.timestamp.toISOString(),
    })),
    chain_verification: broken
      ? { valid: false, broken_at: broken.sequence, message: `log entry ${broken.sequence} no longer matches its hash` }
      : { valid: true, operations_verified: trail.length },
  };
}

const UNREADABLE = Symbol("unreadable payload");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return UNREADABLE;
  }
}
