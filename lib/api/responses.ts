import { BadRequestError, DomainError, ConflictError, NotFoundError, ValidationError } from "../errors";
import { databaseFault, unavailableFor } from "../db/errors";
import { noteWriteFailure } from "../db/write-availability";
import { HTTP_STATUS, locateFields, RequestValidationError, type FieldLocation } from "./errors";

/** A JSON response; the one way handlers answer with a status or extra headers. */
export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: init.headers });
}

type PrismaLikeError = { code?: string; name?: string };

/**
 * Maps anything thrown to a safe JSON error. Domain errors carry their own safe message;
 * database faults become 503 with Retry-After; anything else is a 500 whose cause is logged,
 * never sent. `fieldsIn` says where in the request a domain error's fields are.
 */
export function toErrorResponse(error: unknown, context: string, fieldsIn: FieldLocation = "body"): Response {
  const known = asDomainError(error, context);
  if (known) {
    const fields = known instanceof ValidationError ? (known instanceof RequestValidationError ? known.fields : locateFields(known.fields, fieldsIn)) : undefined;
    const message = fields ? fields.map((f) => `${f.field}: ${f.message}`).join("; ") : known.message;
    const retryAfter = known.details.retryAfterSeconds;
    return json(
      { error: { code: known.code, message, ...(fields ? { fields } : {}) }, detail: message, ...known.details.extra },
      { status: HTTP_STATUS[known.code], headers: retryAfter === undefined ? undefined : { "Retry-After": String(Math.max(1, Math.ceil(retryAfter))) } },
    );
  }
  console.error(`[api] ${context} failed`, error);
  return json({ error: { code: "internal", message: "Internal server error" }, detail: "Internal server error" }, { status: 500 });
}

function asDomainError(error: unknown, context: string): DomainError | null {
  if (error instanceof DomainError) return error;
  const e = error as PrismaLikeError;
  // Prisma's "unique constraint failed" and "record not found" are the caller's conflicts.
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2002") return new ConflictError("A record with these values already exists");
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2025") return new NotFoundError("Record");
  // A number past what its column holds: the schema should have caught it; still the caller's input.
  if (e?.name === "PrismaClientKnownRequestError" && e.code === "P2020") return new BadRequestError("A value is out of range");
  const fault = databaseFault(error);
  if (fault) {
    // The first failure of an outage is logged in full by noteWriteFailure; one line per request here.
    if (!noteWriteFailure(error)) console.warn(`[api] ${context}: database ${fault}; answered 503`);
    return unavailableFor(fault, error);
  }
  return null;
}
