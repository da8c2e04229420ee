// Fetches a URL a user gave us without letting it reach inside the network Grace runs in.
// undici does the HTTP; this file adds the rules: http(s) only, every address checked after
// DNS resolution *in the lookup the connection itself uses* (so the checked address is the
// one connected to: no DNS-rebinding window), every redirect hop re-checked, an overall
// timeout and a size cap enforced while the body streams in.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { Agent, fetch } from "undici";
import { defaultAddressPolicy, ipLiteral, type AddressPolicy } from "./address-policy";
import { DomainError } from "../errors";

export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** The URL may not be fetched (scheme, address, size, type): retrying cannot help. */
export class UrlRefusedError extends DomainError {
  constructor(message: string) {
    super("validation_failed", message);
  }
}

/** The fetch failed in a way that may pass later (network, timeout, 5xx). */
export class UrlFetchError extends DomainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("upstream_failed", message, { cause: options?.cause });
  }
}

type Lookup = typeof dnsLookup;

/**
 * A failure in words people understand, with the technical reason after it for whoever needs
 * it: "the address could not be found (technical detail: ENOTFOUND)". Pages show the two on
 * separate lines (components/knowledge/error-text.tsx).
 */
export function withDetail(plain: string, detail: string | undefined): string {
  return detail ? `${plain} (technical detail: ${detail})` : plain;
}

/** What a connection error code means for someone who typed a web address. */
export function plainNetworkError(code: string | undefined): string {
  switch (code) {
    case "ENOTFOUND":
    case "EAI_NONAME":
    case "EAI_NODATA":
    case "EAI_FAIL":
      return "the address could not be found: no web site has that name (check the spelling)";
    case "EAI_AGAIN":
      return "the address could not be looked up just now: try again in a moment";
    case "ECONNREFUSED":
      return "the site refused the connection: nothing answers at that address";
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
      return "the site closed the connection before sending the page";
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
    case "UND_ERR_HEADERS_TIMEOUT":
    case "UND_ERR_BODY_TIMEOUT":
      return "the site did not answer in time";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EHOSTDOWN":
      return "the site cannot be reached from this server";
    default:
      if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "the site's security certificate is not valid, so the connection is not safe";
      return "the page could not be fetched";
  }
}

/** What an HTTP error status means, in words. */
function plainStatus(status: number): string {
  if (status === 404 || status === 410) return "the page was not found at that address";
  if (status === 401 || status === 403) return "the site does not let Grace read this page (it needs a sign-in or refuses access)";
  if (status === 429) return "the site is turning requests away for now: try again later";
  if (status >= 500) return "the site had a problem answering: try again later";
  return "the site refused the request";
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export type SafeFetchOptions = {
  url: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  /** Which resolved addresses may be connected to (default: public only, see address-policy). */
  allow?: AddressPolicy;
  /** DNS resolver (tests substitute one to play a rebinding resolver). */
  resolve?: Lookup;
};

export type Fetched = { url: string; status: number; contentType: string; bytes: Uint8Array };

/** Refuses a URL whose scheme is not http(s) or whose host is a disallowed IP literal. */
export function checkUrl(raw: string, allow: AddressPolicy = defaultAddressPolicy()): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlRefusedError("is not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UrlRefusedError(`uses ${url.protocol.replace(/:$/, "")}: only http and https URLs can be fetched`);
  if (url.username || url.password) throw new UrlRefusedError("must not carry a user name or password");
  // The URL parser has already turned decimal, octal and hex forms (http://2130706433/) into
  // dotted IPv4, so one check covers them all.
  const literal = ipLiteral(url.hostname);
  if (literal && !allow(literal)) throw new UrlRefusedError(`points at ${literal}, a private, loopback or link-local address`);
  return url;
}

/** Resolves a host name and refuses it if any of its addresses is not allowed. */
export async function checkHost(hostname: string, allow: AddressPolicy = defaultAddressPolicy(), resolve: Lookup = dnsLookup): Promise<void> {
  if (ipLiteral(hostname)) return;
  const addresses = await new Promise<LookupAddress[]>((ok, fail) =>
    resolve(hostname, { all: true }, (error, result) => (error ? fail(new UrlFetchError(withDetail(plainNetworkError(error.code), `${error.code ?? error.message} looking up ${hostname}`), { cause: error })) : ok(result))),
  );
  const refused = addresses.find((a) => !allow(a.address));
  if (refused) throw new UrlRefusedError(`${hostname} resolves to ${refused.address}, a private, loopback or link-local address`);
}

/** A lookup for net/tls.connect that only ever hands back allowed addresses. */
function guardedLookup(allow: AddressPolicy, resolve: Lookup): Lookup {
  const guarded = (hostname: string, options: unknown, callback: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (error: Error | null, address?: string | LookupAddress[], family?: number) => void;
    const opts = (typeof options === "object" && options !== null ? options : {}) as { all?: boolean; family?: number };
    resolve(hostname, { ...opts, all: true }, (error, addresses) => {
      if (error) return cb(error);
      const refused = addresses.find((a) => !allow(a.address));
      if (refused) return cb(new UrlRefusedError(`${hostname} resolves to ${refused.address}, a private, loopback or link-local address`));
      if (opts.all) return cb(null, addresses);
      return cb(null, addresses[0].address, addresses[0].family);
    });
  };
  return guarded as unknown as Lookup;
}

export async function safeFetch(o: SafeFetchOptions): Promise<Fetched> {
  const allow = o.allow ?? defaultAddressPolicy();
  const resolve = o.resolve ?? dnsLookup;
  const maxBytes = o.maxBytes ?? FETCH_MAX_BYTES;
  const timeoutMs = o.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  const agent = new Agent({ connect: { lookup: guardedLookup(allow, resolve), timeout: timeoutMs }, maxRedirections: 0 } as Agent.Options);
  try {
    let url = checkUrl(o.url, allow);
    for (let hop = 0; ; hop++) {
      let response;
      try {
        response = await fetch(url, { dispatcher: agent, redirect: "manual", signal, headers: { "user-agent": "Grace/1 (+knowledge ingestion)", accept: "text/html,text/plain,text/markdown,application/json,text/csv,application/pdf;q=0.9,*/*;q=0.1" } });
      } catch (error) {
        throw rethrow(error, timeout, timeoutMs);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw new UrlRefusedError(`redirected more than ${MAX_REDIRECTS} times`);
        // Each hop goes through the same checks: scheme, IP literal, and the guarded lookup.
        url = checkUrl(new URL(response.headers.get("location")!, url).toString(), allow);
        continue;
      }
      if (response.status >= 500) throw new UrlFetchError(withDetail(plainStatus(response.status), `the server answered ${response.status}`));
      if (response.status >= 400) throw new UrlRefusedError(withDetail(plainStatus(response.status), `the server answered ${response.status}`));
      const declared = Number(response.headers.get("content-length") ?? 0);
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new UrlRefusedError(`is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`);
      }
      const bytes = await readCapped(response.body, maxBytes, timeout, timeoutMs);
      return { url: url.toString(), status: response.status, contentType: response.headers.get("content-type") ?? "", bytes };
    }
  } finally {
    await agent.close().catch(() => {});
  }
}

async function readCapped(body: AsyncIterable<Uint8Array> | null, maxBytes: number, timeout: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early (throw) cancels the stream, so a huge body is not read to the end.
    for await (const value of body) {
      total += value.byteLength;
      if (total > maxBytes) throw new UrlRefusedError(`is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit`);
      parts.push(value);
    }
  } catch (error) {
    throw rethrow(error, timeout, timeoutMs);
  }
  return Buffer.concat(parts);
}

function rethrow(error: unknown, timeout: AbortSignal, timeoutMs: number): Error {
  if (error instanceof UrlRefusedError || error instanceof UrlFetchError) return error;
  // undici wraps connection errors in a TypeError("fetch failed") whose cause says why.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof UrlRefusedError) return cause;
  if (timeout.aborted) return new UrlFetchError(`the site did not answer within ${timeoutMs / 1000} s`, { cause: error });
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  return new UrlFetchError(withDetail(plainNetworkError(code), code && !message.includes(code) ? `${code}: ${message}` : message), { cause: error });
}
