// Hostile requests for tests/integration/hostile-input.test.ts: bodies as raw bytes (invalid
// UTF-8, JSON nested deeper than JSON.stringify can build, streamed without Content-Length),
// what the server logged while it answered, and a one-query fingerprint of every table a
// write route can change.
import { db } from "../../lib/db/client";
import { ORIGIN } from "./api";

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type HostileRequest = {
  method: string;
  /** Path and query, e.g. "/api/tasks/12?x=1". */
  path: string;
  params?: Record<string, string | string[]>;
  bearer?: string;
  body?: string | Uint8Array;
  /** Default application/json when there is a body; null sends none. */
  contentType?: string | null;
  /** "auto" (default): the body's real length; "omit": streamed, no Content-Length; a number: declared as given. */
  contentLength?: "auto" | "omit" | number;
  ip?: string;
};

export type HostileResponse = {
  status: number;
  contentType: string;
  json: { error?: { code?: unknown; message?: unknown; fields?: { field: string; message: string }[] } } | undefined;
  text: string;
  /** console.error / console.warn lines the server wrote while answering (the cause of a 500). */
  logged: string[];
};

const encoder = new TextEncoder();

export function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

export function concatBytes(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Bytes that are not UTF-8: a truncated two-byte sequence, a lone continuation byte, 0xFF 0xFE. */
export const INVALID_UTF8 = new Uint8Array([0xc3, 0x28, 0x80, 0xff, 0xfe]);

/** `[[[…]]]` nested `depth` levels, as JSON text (JSON.stringify overflows the stack long before). */
export function deepArrayJson(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** `{"k":{"k":…1}}` nested `depth` levels, as JSON text. */
export function deepObjectJson(key: string, depth: number): string {
  return `{${JSON.stringify(key)}:`.repeat(depth) + "1" + "}".repeat(depth);
}

/** The JSON text of `base` with `field` set to the JSON text `rawValue` (spliced in, never parsed). */
export function spliceJson(base: Record<string, unknown>, field: string, rawValue: string): string {
  const rest = { ...base };
  delete rest[field];
  const head = JSON.stringify(rest);
  return `${head === "{}" ? "{" : `${head.slice(0, -1)},`}${JSON.stringify(field)}:${rawValue}}`;
}

/** The bytes of `base` with the string `field` holding `before`, the raw bytes, then `after`. */
export function spliceBytes(base: Record<string, unknown>, field: string, before: string, raw: Uint8Array, after: string): Uint8Array {
  const marker = "\u0001SPLICE\u0001";
  const text = spliceJson(base, field, JSON.stringify(before + marker + after));
  const escaped = JSON.stringify(marker).slice(1, -1);
  const at = text.indexOf(escaped);
  return concatBytes(text.slice(0, at), raw, text.slice(at + escaped.length));
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.byteLength; i += 1024) controller.enqueue(bytes.slice(i, i + 1024));
      controller.close();
    },
  });
}

function describeLogged(args: unknown[]): string {
  return args
    .map((a) => {
      if (a instanceof Error) {
        const frames = (a.stack ?? "")
          .split("\n")
          .filter((l) => l.trim().startsWith("at "))
          .slice(0, 3)
          .map((l) => l.trim());
        // Prisma's messages open with a code frame and end with the cause: keep both ends.
        const lines = a.message.split("\n").filter((l) => l.trim());
        const message = (lines.length > 3 ? [lines[0], "…", ...lines.slice(-2)] : lines).map((l) => l.trim()).join(" | ");
        const code = (a as { code?: unknown }).code;
        return `${a.name}${typeof code === "string" ? ` ${code}` : ""}: ${message.slice(0, 500)}${frames.length ? ` [${frames.join(" ")}]` : ""}`;
      }
      return String(a).slice(0, 300);
    })
    .join(" ");
}

/** Calls a route handler the way Next does, with bytes as given, and collects what it logged. */
export async function send(handler: RouteHandler, r: HostileRequest): Promise<HostileResponse> {
  const headers: Record<string, string> = { host: "grace.test", "x-grace-client-ip": r.ip ?? "10.0.0.1", origin: ORIGIN };
  if (r.bearer) headers.authorization = `Bearer ${r.bearer}`;
  const init: RequestInit & { duplex?: "half" } = { method: r.method, headers };
  if (r.body !== undefined) {
    const bytes = new Uint8Array(typeof r.body === "string" ? encoder.encode(r.body) : r.body);
    if (r.contentType !== null) headers["content-type"] = r.contentType ?? "application/json";
    const length = r.contentLength ?? "auto";
    if (length === "omit") {
      init.body = streamOf(bytes);
      init.duplex = "half";
    } else {
      init.body = bytes;
      headers["content-length"] = String(length === "auto" ? bytes.byteLength : length);
    }
  }
  const logged: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...args: unknown[]) => void logged.push(describeLogged(args));
  console.warn = (...args: unknown[]) => void logged.push(describeLogged(args));
  try {
    const res = await handler(new Request(`${ORIGIN}${r.path}`, init), { params: Promise.resolve(r.params ?? {}) });
    const text = await res.text();
    let json: HostileResponse["json"];
    try {
      json = JSON.parse(text) as HostileResponse["json"];
    } catch {
      json = undefined;
    }
    return { status: res.status, contentType: res.headers.get("content-type") ?? "", json, text, logged };
  } finally {
    console.error = original.error;
    console.warn = original.warn;
  }
}

// Every table a write route can change: its row count, and where rows are changed in place,
// when the last change was (or how many are revoked, deleted, decided).
const FINGERPRINT: [string, string][] = [
  ["users", `SELECT COUNT(*) FROM "User"`],
  ["users.updated", `SELECT MAX("updatedAt") FROM "User"`],
  ["tokens", `SELECT COUNT(*) FROM "ApiToken"`],
  ["tokens.revoked", `SELECT COUNT("revokedAt") FROM "ApiToken"`],
  ["signInAttempts", `SELECT COUNT(*) FROM "SignInAttempt"`],
  ["conversations", `SELECT COUNT(*) FROM "Conversation"`],
  ["conversations.updated", `SELECT MAX("updatedAt") FROM "Conversation"`],
  ["messages", `SELECT COUNT(*) FROM "ChatMessage"`],
  ["citations", `SELECT COUNT(*) FROM "MessageCitation"`],
  ["causalEvents", `SELECT COUNT(*) FROM "CausalEvent"`],
  ["securityEvents", `SELECT COUNT(*) FROM "SecurityEvent"`],
  ["securityEvents.resolved", `SELECT COUNT("resolvedAt") FROM "SecurityEvent"`],
  ["securityRules", `SELECT COUNT(*) FROM "SecurityRule"`],
  ["securityRules.updated", `SELECT MAX("updatedAt") FROM "SecurityRule"`],
  ["artifacts", `SELECT COUNT(*) FROM "KnowledgeArtifact"`],
  ["sandboxFiles", `SELECT COUNT(*) FROM "SandboxFile"`],
  ["sandboxFiles.bytes", `SELECT COALESCE(SUM("sizeBytes"), 0) FROM "SandboxFile"`],
  ["artifacts.updated", `SELECT MAX("updatedAt") FROM "KnowledgeArtifact"`],
  ["artifacts.deleted", `SELECT COUNT("deletedAt") FROM "KnowledgeArtifact"`],
  ["artifactVersions", `SELECT COUNT(*) FROM "KnowledgeArtifactVersion"`],
  ["chunks", `SELECT COUNT(*) FROM "KnowledgeChunk"`],
  ["trustedSources", `SELECT COUNT(*) FROM "TrustedSource"`],
  ["trustedSources.updated", `SELECT MAX("updatedAt") FROM "TrustedSource"`],
  ["tasks", `SELECT COUNT(*) FROM "Task"`],
  ["tasks.updated", `SELECT MAX("updatedAt") FROM "Task"`],
  ["goals", `SELECT COUNT(*) FROM "Goal"`],
  ["goals.updated", `SELECT MAX("updatedAt") FROM "Goal"`],
  ["jobs", `SELECT COUNT(*) FROM "Job"`],
  ["jobs.updated", `SELECT MAX("updatedAt") FROM "Job"`],
  ["approvalRequests", `SELECT COUNT(*) FROM "ApprovalRequest"`],
  ["approvalRequests.decided", `SELECT COUNT("decidedAt") FROM "ApprovalRequest"`],
  ["supervisorCommands", `SELECT COUNT(*) FROM "SupervisorCommand"`],
  ["loopConfigs.updated", `SELECT MAX("updatedAt") FROM "LoopConfig"`],
  ["systemState", `SELECT "mode" FROM "SystemState" WHERE "id" = 1`],
  ["logEntries", `SELECT COUNT(*) FROM "LogEntry"`],
];
const FINGERPRINT_SQL = `SELECT ${FINGERPRINT.map(([key, sql]) => `(${sql}) AS "${key}"`).join(", ")}`;

export type Fingerprint = Record<string, string>;

function plain(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export async function fingerprint(): Promise<Fingerprint> {
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(FINGERPRINT_SQL);
  const out: Fingerprint = {};
  for (const [key] of FINGERPRINT) out[key] = plain(row[key]);
  const loops = await db.loopConfig.findMany({ orderBy: { name: "asc" }, select: { name: true, intervalSeconds: true, enabled: true, settings: true } });
  out["loopConfigs.settings"] = JSON.stringify(loops);
  return out;
}

/** What changed between two fingerprints, leaving out `ignore`d keys. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint, ignore: readonly string[] = []): string[] {
  return Object.keys(after)
    .filter((k) => !ignore.includes(k) && before[k] !== after[k])
    .map((k) => (k === "loopConfigs.settings" ? `${k} changed: ${after[k].slice(0, 300)}` : `${k}: ${before[k]} → ${after[k]}`));
}
