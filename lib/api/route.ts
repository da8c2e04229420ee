// The one wrapper every app/api/**/route.ts handler is built with. In order: body size
// (413), authentication by bearer token or session cookie (401), same-origin check for
// cookie-authenticated writes (403), a temporary password still to change (403), role (403),
// writes unavailable or read-only mode (503), the body's encoding, depth and characters and
// zod validation of params, query and body (422), then the handler; any error becomes a safe
// JSON response (lib/api/responses.ts).
import { z } from "zod";
import { config } from "../config";
import type { AuthUser } from "../auth/schemas";
import { isAdmin } from "../auth/access";
import { clientIp } from "../auth/client-ip";
import { getSystemMode } from "../system/get-mode";
import { ForbiddenError, LengthRequiredError, ReadOnlyError, UnauthorizedError, type FieldError } from "../errors";
import { ANONYMOUS, authenticate } from "./authenticate";
import { NOT_JSON, readJson, tooLarge } from "./read-body";
import { findBadCharacter } from "./json-guard";
import { unavailableFor } from "../db/errors";
import { writeFault } from "../db/write-availability";
import { RequestValidationError, type FieldLocation } from "./errors";
import { toErrorResponse } from "./responses";
import { isSameOrigin } from "./same-origin";
import { countRequest } from "../metrics/request-counter";

type Access = "public" | "user" | "admin";
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteOptions<B, Q, P, A extends Access> = {
  /** "public": anyone (the user is still read when credentials are sent); default "user". */
  access?: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Allowed while Grace is read-only (sign-in, sign-out, leaving read-only mode). */
  allowReadOnly?: boolean;
  /** Serves a user whose password is temporary (changing it, saying who they are); others answer 403. */
  allowPasswordChangeRequired?: boolean;
  /** Public routes that never look at credentials (health: it must answer with the database down). */
  skipAuth?: boolean;
  /** A larger body limit than GRACE_MAX_BODY_BYTES (uploads, imports); raw bodies must send Content-Length. */
  maxBodyBytes?: number | (() => number);
  /** The handler reads the body itself (multipart uploads); `body` is then not parsed. */
  rawBody?: boolean;
};

export type RouteContext<B, Q, P, A extends Access> = {
  req: Request;
  user: A extends "public" ? AuthUser | null : AuthUser;
  /** How the caller authenticated. */
  via: "token" | "session" | null;
  /** The bearer token used, when one was. */
  token: { id: number; expiresAt: Date | null } | null;
  ip: string;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
};

type NextContext = { params?: Promise<Record<string, string | string[]>> };

export const ROUTE_MARK = Symbol.for("grace.route");
const PASSWORD_CHANGE_REQUIRED =
  "Change your password first: this account has a temporary password. Sign in to Grace in a browser, or POST /api/me/password with {current_password, new_password}";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined, A extends Access = "user">(
  options: RouteOptions<B, Q, P, A>,
  handler: (ctx: RouteContext<B, Q, P, A>) => Promise<unknown>,
) {
  const access = options.access ?? "user";
  // A lib verb names the fields of its input; they came from the body when there is one.
  const fieldsIn: FieldLocation = options.body || options.rawBody || !options.query ? "body" : "query";
  const wrapped = async (req: Request, next: NextContext = {}): Promise<Response> => {
    const started = performance.now();
    const response = await handle(req, next);
    countRequest("http_requests", performance.now() - started);
    return response;
  };
  const handle = async (req: Request, next: NextContext): Promise<Response> => {
    const url = new URL(req.url);
    try {
      const limit = typeof options.maxBodyBytes === "function" ? options.maxBodyBytes() : (options.maxBodyBytes ?? config.maxBodyBytes);
      const declared = req.headers.get("content-length");
      if (Number(declared ?? 0) > limit) throw tooLarge(limit);
      if (options.rawBody && MUTATING.has(req.method) && declared === null) throw new LengthRequiredError();

      const { user, via, token, passwordChangeRequired } = options.skipAuth ? ANONYMOUS : await authenticate(req);
      if (!user && access !== "public") throw new UnauthorizedError();
      const mutating = MUTATING.has(req.method);
      if (via === "session" && mutating && !isSameOrigin(req)) {
        throw new ForbiddenError("Cross-site request refused: the Origin header must be this site's");
      }
      if (passwordChangeRequired && access !== "public" && !options.allowPasswordChangeRequired) throw new ForbiddenError(PASSWORD_CHANGE_REQUIRED);
      if (access === "admin" && !isAdmin(user)) throw new ForbiddenError("Only an admin can do this");
      const fault = mutating ? writeFault() : null;
      if (fault) throw unavailableFor(fault);
      if (mutating && !options.allowReadOnly) {
        const mode = await getSystemMode();
        if (mode.mode !== "normal") throw new ReadOnlyError(mode.mode, mode.reason);
      }

      const fields: FieldError[] = [];
      const params = parse(options.params, await next.params, "params", fields);
      const rawQuery = Object.fromEntries(url.searchParams);
      const badQuery = findBadCharacter(rawQuery, ["query"]);
      if (badQuery) fields.push(badQuery);
      const query = badQuery ? undefined : parse(options.query, rawQuery, "query", fields);
      const raw = options.body && !options.rawBody ? await readJson(req, fields, limit) : NOT_JSON;
      const body = raw === NOT_JSON ? undefined : parse(options.body, raw, "body", fields);
      if (fields.length) throw new RequestValidationError(fields);

      const result = await handler({ req, user, via, token, ip: clientIp(req.headers), body, query, params } as RouteContext<B, Q, P, A>);
      if (result instanceof Response) return result;
      return result === undefined ? new Response(null, { status: 204 }) : Response.json(result);
    } catch (error) {
      return toErrorResponse(error, `${req.method} ${url.pathname}`, fieldsIn);
    }
  };
  return Object.assign(wrapped, { [ROUTE_MARK]: true });
}

function parse(schema: Schema | undefined, input: unknown, where: string, fields: FieldError[]) {
  if (!schema) return undefined;
  const result = schema.safeParse(input === undefined ? {} : input); // a JSON null body is not an empty one
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    fields.push({ field: [where, ...issue.path.map(String)].join("."), message: issue.message });
  }
  return undefined;
}
