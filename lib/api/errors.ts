// Typed errors with a status and a message that is safe to show. Everything else that is
// thrown becomes a 500 whose cause is logged and never sent (see toErrorResponse).
export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string) {
    super(400, "bad_request", message);
  }
}
export class UnauthorizedError extends ApiError {
  constructor(message = "Authentication required: sign in or send Authorization: Bearer <token>") {
    super(401, "unauthorized", message);
  }
}
export class ForbiddenError extends ApiError {
  constructor(message = "You do not have permission to do this") {
    super(403, "forbidden", message);
  }
}
export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(404, "not_found", `${what} not found`);
  }
}
export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, "conflict", message);
  }
}
export class PayloadTooLargeError extends ApiError {
  constructor(limit: number) {
    super(413, "payload_too_large", `Request body is larger than the limit of ${limit} bytes`);
  }
}
export class ValidationError extends ApiError {
  constructor(fields: FieldError[]) {
    super(422, "validation_failed", fields.map((f) => `${f.field}: ${f.message}`).join("; "), { fields });
  }
}
export class RateLimitedError extends ApiError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, "rate_limited", message, { headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterSeconds))) } });
  }
}
export class ReadOnlyError extends ApiError {
  constructor(mode: string, reason: string) {
    super(
      503,
      "read_only",
      `Grace is in ${mode} mode${reason ? ` (${reason})` : ""}: changes are refused until an admin returns it to normal`,
    );
  }
}
export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, "unsupported_media_type", message);
  }
}
export class LengthRequiredError extends ApiError {
  constructor() {
    super(411, "length_required", "Send a Content-Length header with uploads");
  }
}
