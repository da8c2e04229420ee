import { ApiError } from "./errors";

/** A JSON response; the one way handlers answer with a status or extra headers. */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: init.headers });
}

// P1008 operation timed out, P2024 connection pool timeout, P2028 transaction API error
// (e.g. could not start in time), P2034 write conflict or deadlock.
const RETRYABLE = new Set(["P1008", "P2024", "P2028", "P2034"]);

type PrismaLikeError = { code?: string; name?: string; meta?: { target?: unknown } };

/** Maps anything thrown to a safe JSON error; the cause of a 500 is logged, never sent. */
export function toErrorResponse(error: unknown, context: string): Response {
  const known = asApiError(error);
  if (known) {
    return json(
      { error: { code: known.code, message: known.message, ...(known.extra.fields ? { fields: known.extra.fields } : {}) }, detail: known.message },
      { status: known.status, headers: known.extra.headers },
    );
  }
  console.error(`[api] ${context} failed`, error);
  return json({ error: { code: "internal", message: "Internal server error" }, detail: "Internal server error" }, { status: 500 });
}

function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  const e = error as PrismaLikeError;
  // Prisma's "unique constraint failed" and "record not found" are the caller's conflicts.
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2002") {
    return new ApiError(409, "conflict", "A record with these values already exists");
  }
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2025") {
    return new ApiError(404, "not_found", "Record not found");
  }
  // Timeouts and write conflicts under load (SQLite busy, pool exhausted, serialisation
  // failure): the request did nothing and can be retried.
  if (e?.name === "PrismaClientKnownRequestError" && e.code && RETRYABLE.has(e.code)) {
    console.warn(`[api] database busy (${e.code}); answered 503`);
    return new ApiError(503, "database_busy", "The database is busy; retry in a moment", { headers: { "Retry-After": "1" } });
  }
  return null;
}
