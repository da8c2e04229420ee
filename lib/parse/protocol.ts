// What the parent (parse-untrusted.ts) and the parsing child (child.ts) agree on.

export const PARSE_KINDS = ["pdf", "html", "json"] as const;
export type ParseKind = (typeof PARSE_KINDS)[number];

/** Limits the child enforces itself; memory, CPU and wall-clock time are enforced from outside. */
export type ChildLimits = { maxTextBytes: number; maxDepth: number };

/** Why a file was refused: a limit it went over, or ("invalid") that it is not what it claims. */
export type ParseRefusal = "invalid" | "depth" | "text" | "memory" | "cpu" | "timeout";

/** The one JSON document the child writes to stdout. */
export type ChildAnswer =
  | { ok: true; text: string; title?: string }
  | { ok: false; reason: Extract<ParseRefusal, "invalid" | "depth" | "text" | "memory">; message?: string };

/**
 * The file cannot be ingested; `message` is safe to show and reads after the thing parsed
 * ("is not a readable PDF", "nests deeper than 1000 levels (the limit)"). Callers name the
 * field: `invalid("file", e.message)`, or a refused URL.
 */
export class ParseRefusedError extends Error {
  constructor(
    readonly reason: ParseRefusal,
    message: string,
  ) {
    super(message);
    this.name = "ParseRefusedError";
  }
}

/** "20 MB", "1.5 MB" or "512 bytes": limits as people read them. */
export function formatBytes(n: number): string {
  const mb = n / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return n % 1024 === 0 ? `${n / 1024} KB` : `${n} bytes`;
}
