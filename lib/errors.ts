// Domain errors: what went wrong, in words that are safe to show to the person who caused it.
// lib/ and the worker throw these; only lib/api/ turns them into HTTP responses (status codes
// live there, not here). Anything else that is thrown is a fault: logged, never shown.

/** A problem with one input field. `field` is relative to the input ("url", "file", "settings.batch_size"). */
export type FieldError = { field: string; message: string };

export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "gone"
  | "conflict"
  | "approval_required"
  | "validation_failed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "length_required"
  | "rate_limited"
  | "read_only"
  | "unavailable"
  | "upstream_failed";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldError[]; retryAfterSeconds?: number; cause?: unknown; extra?: Record<string, unknown> } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  constructor(message: string) {
    super("bad_request", message);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = "Authentication required: sign in or send Authorization: Bearer <token>") {
    super("unauthorized", message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this") {
    super("forbidden", message);
  }
}
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not_found", `${what} not found`);
  }
}
/** Something that existed and was removed on purpose: the message says what and why. */
export class GoneError extends DomainError {
  constructor(message: string) {
    super("gone", message);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}
/** A governance policy holds the action for an admin: nothing happened yet; `approval_id` says which request to follow. */
export class ApprovalRequiredError extends DomainError {
  constructor(
    message: string,
    readonly approvalId: number,
  ) {
    super("approval_required", message, { extra: { approval_id: approvalId } });
  }
}
/** Input that breaks a rule; each field error names the field, relative to the input. */
export class ValidationError extends DomainError {
  constructor(readonly fields: FieldError[]) {
    super("validation_failed", fields.map((f) => `${f.field}: ${f.message}`).join("; "), { fields });
  }
}
/** One field is wrong: `invalid("file", "is not valid UTF-8 text")`. */
export function invalid(field: string, message: string): ValidationError {
  return new ValidationError([{ field, message }]);
}
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super("payload_too_large", message);
  }
}
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super("unsupported_media_type", message);
  }
}
export class LengthRequiredError extends DomainError {
  constructor() {
    super("length_required", "Send a Content-Length header with uploads");
  }
}
export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super("rate_limited", message, { retryAfterSeconds });
  }
}
export class ReadOnlyError extends DomainError {
  constructor(mode: string, reason: string) {
    super("read_only", `Grace is in ${mode} mode${reason ? ` (${reason})` : ""}: changes are refused until an admin returns it to normal`, { retryAfterSeconds: 30 });
  }
}
/**
 * Grace cannot do this right now through no fault of the caller (the database is locked, full,
 * read-only or unreachable): the request changed nothing and can be retried later.
 */
export class UnavailableError extends DomainError {
  constructor(message: string, o: { retryAfterSeconds?: number; cause?: unknown } = {}) {
    super("unavailable", message, { retryAfterSeconds: o.retryAfterSeconds ?? 5, cause: o.cause });
  }
}
/** Something Grace depends on outside itself (a web page it fetches, a model) kept failing. */
export class UpstreamError extends DomainError {
  constructor(message: string, cause?: unknown) {
    super("upstream_failed", message, { cause });
  }
}
