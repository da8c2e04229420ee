// Next 16's proxy (formerly middleware), for pages only: a Content-Security-Policy with a fresh
// nonce per request. Next reads the nonce from the request's policy while it renders and puts
// it on every script it emits; scripts those load are trusted through 'strict-dynamic'. Pages
// must therefore render per request (app/layout.tsx is force-dynamic).
//
// /api stays out of the matcher: the proxy buffers request bodies and silently truncates them
// past its limit (DESIGN.md), and JSON needs no nonce — next.config.ts gives API responses a
// strict static policy instead. /health is JSON too; static files need no policy.
import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/callback-url";

/** The policy of a page rendered with `nonce`. */
export function pagePolicy(nonce: string, o: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes (progress bars) and the IDE's Monaco editor injects
    // <style> elements; a nonce here would switch 'unsafe-inline' off. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Monaco's stylesheet draws some of its decorations as data: SVGs.
    "img-src 'self' data:",
    "font-src 'self'",
    // fetch, Server-Sent Events (/api/events, the chat stream) and, in development, HMR.
    "connect-src 'self'",
    // Monaco runs its language services in workers it may build from blob: URLs.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The page asked for, for the sign-in redirect's callbackUrl (lib/auth/current-user.ts): a page
 * cannot read its own URL while it renders on the server. Next's own `_rsc` cache key is left out.
 */
function pagePath(request: NextRequest): string {
  const url = request.nextUrl;
  const params = new URLSearchParams(url.search);
  params.delete("_rsc");
  const query = params.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  // NODE_ENV, not lib/config.ts: Next inlines it when it builds, so a production build never
  // allows 'unsafe-eval' whatever the server's environment says.
  const policy = pagePolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  headers.set(PATH_HEADER, pagePath(request));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but the API, the health probe, build assets and the icons.
      source: "/((?!api|health|_next/static|_next/image|favicon.ico|icon.svg).*)",
      // Link prefetches fetch data, not documents; they need no policy of their own.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
