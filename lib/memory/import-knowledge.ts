import { z } from "zod";
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { append } from "../audit";
import { ConflictError } from "../errors";
import { ARTIFACT_TYPES, ingestText, ingestTextSchema, manualTrust, MAX_CONTENT_CHARS, prepareContent, VISIBILITIES } from "../knowledge/ingest-text";
import { updateArtifact } from "../knowledge/update-artifact";
import { EXPORT_FORMAT } from "./export-knowledge";

const version = z.object({
  version: z.number().int().min(1),
  content: z.string().min(1, "is required").max(MAX_CONTENT_CHARS, `must be at most ${MAX_CONTENT_CHARS} characters`),
  reason: z.string().max(500).nullish(),
});

const artifact = z.object({
  title: ingestTextSchema.shape.title,
  domain: ingestTextSchema.shape.domain,
  category: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be a short name of letters, digits, '-' or '_'").default("knowledge"),
  type: z.enum(ARTIFACT_TYPES).default("text"),
  visibility: z.enum(VISIBILITIES).default("shared"),
  tags: z.array(z.string().trim().min(1).max(64)).max(50).nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  path: z.string().max(600).optional(),
  source: z.string().max(32).optional(),
  source_url: z.string().max(2048).nullish(),
  trust_score: z.number().min(0).max(100).optional(),
  versions: z.array(version).min(1, "needs at least one version").max(100, "must hold at most 100 versions"),
});

export const importSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { message: `must be "${EXPORT_FORMAT}" (a document from POST /api/memory/export)` }),
  exported_by: z.string().max(64).optional(),
  artifacts: z.array(artifact).max(500, "must hold at most 500 artifacts: import an export's pages one by one"),
});

type Outcome = { title: string; status: "imported" | "duplicate" | "conflict"; artifact_id: number | null; versions: number; error?: string };

/**
 * Takes an export back: each artifact is stored for the importing user with its versions in
 * order (new paths in their namespace; trust is that of content people provide, the exported
 * provenance kept in metadata, since a document can say anything). An artifact whose latest
 * version is already in the same scope is a duplicate and changes nothing. Content is prepared
 * before any transaction opens; each artifact is written in its own audited transaction.
 */
export async function importKnowledge(o: { user: { id: number; username: string; role: "admin" | "user" }; doc: z.output<typeof importSchema>; db?: Db }) {
  const db = o.db ?? defaultDb;
  const prepared = o.doc.artifacts.map((a, i) => [...a.versions].sort((x, y) => x.version - y.version).map((v, j) => ({ ...v, prepared: prepareContent(v.content, { field: `artifacts.${i}.versions.${j}.content` }) })));
  const results: Outcome[] = [];
  for (const [i, a] of o.doc.artifacts.entries()) {
    const [first, ...later] = prepared[i];
    const input = ingestTextSchema.parse({
      title: a.title,
      content: first.content,
      domain: a.domain,
      artifact_type: a.type,
      visibility: a.visibility,
      tags: a.tags ?? [],
      metadata: { ...(a.metadata ?? {}), imported_from: { path: a.path ?? null, source: a.source ?? null, url: a.source_url ?? null, trust_score: a.trust_score ?? null, exported_by: o.doc.exported_by ?? null } },
    });
    const outcome = await writeTransaction(async (tx): Promise<Outcome> => {
      // Already here as it is now (its latest version, in the same scope): nothing to import.
      const latest = later.at(-1) ?? first;
      const dedupScope = a.visibility === "shared" ? "shared" : `user:${o.user.id}`;
      const present = await tx.knowledgeArtifact.findUnique({ where: { dedupScope_contentHash: { dedupScope, contentHash: latest.prepared.hash } }, select: { id: true } });
      if (present) return { title: a.title, status: "duplicate" as const, artifact_id: present.id, versions: 0 };
      const stored = await ingestText({ tx, user: o.user, input, prepared: first.prepared, source: "legacy", trustScore: manualTrust(), category: a.category });
      if (stored.status === "duplicate") return { title: a.title, status: "duplicate" as const, artifact_id: stored.artifact.id, versions: 0 };
      for (const v of later) {
        await updateArtifact({ tx, user: o.user, id: stored.artifact.id, changes: { content: v.content, reason: v.reason ?? "imported" }, prepared: v.prepared });
      }
      await append({ tx, actor: o.user.username, action: "knowledge.import", resource: `artifact:${stored.artifact.id}`, subsystem: "knowledge", payload: { versions: 1 + later.length, from: a.path ?? null }, result: "success" });
      return { title: a.title, status: "imported" as const, artifact_id: stored.artifact.id, versions: 1 + later.length };
    }, db).catch((error: unknown): Outcome => {
      // A later version that another artifact in scope already holds: this artifact is not
      // imported (its transaction rolled back) and the answer says why; the others go on.
      if (error instanceof ConflictError) return { title: a.title, status: "conflict", artifact_id: null, versions: 0, error: error.message };
      throw error;
    });
    results.push(outcome);
  }
  return {
    imported: results.filter((r) => r.status === "imported").length,
    duplicates: results.filter((r) => r.status === "duplicate").length,
    conflicts: results.filter((r) => r.status === "conflict").length,
    items: results,
  };
}
