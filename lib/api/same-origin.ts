import { config } from "../config";

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin (or, failing that,
 * Referer) must be this site — the configured public URL, or the Host the request came to.
 * SameSite=Lax already keeps the cookie off cross-site POSTs; this covers same-site
 * subdomains and old browsers too.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin") ?? refererOrigin(req.headers.get("referer"));
  if (!origin || origin === "null") return false;
  const allowed = new Set<string>();
  if (config.publicOrigin) allowed.add(config.publicOrigin);
  const host = req.headers.get("host");
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

function refererOrigin(referer: string | null): string | null {
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}
