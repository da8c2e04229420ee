// The one place that knows HTTP status codes: each domain error code (lib/errors.ts) maps to
// a status here, and request-level problems found by the route wrapper get their fields
// located in the request ("body.url", "query.limit").
import { type ErrorCode, type FieldError, ValidationError } from "../errors";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  approval_required: 423,
  gone: 410,
  length_required: 411,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  upstream_failed: 502,
  read_only: 503,
  unavailable: 503,
};

/** Where in the request a field lives; domain errors name fields relative to the input. */
export type FieldLocation = "body" | "query" | "params";

/** Validation failures whose fields already say where in the request they are. */
export class RequestValidationError extends ValidationError {}

export function locateFields(fields: FieldError[], where: FieldLocation): FieldError[] {
  return fields.map((f) => ({ ...f, field: /^(body|query|params)(\.|$)/.test(f.field) ? f.field : `${where}.${f.field}` }));
}
