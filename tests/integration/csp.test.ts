// The Content-Security-Policy: pages get one with a fresh nonce from proxy.ts (which never sees
// /api), API responses a strict static one from next.config.ts. What the browser makes of the
// page policy — every script carrying the nonce, no violation on any page — is e2e/csp.spec.ts.
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { config as proxyConfig, proxy } from "../../proxy";

const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe("the page policy (proxy.ts)", () => {
  const run = (path: string) => proxy(new NextRequest(`http://grace.test${path}`));

  it("carries a fresh nonce per request, handed to the render in the request headers", () => {
    const nonces = [run("/chat"), run("/chat"), run("/login")].map((res) => {
      const policy = res.headers.get("content-security-policy")!;
      const nonce = /'nonce-([^']+)'/.exec(policy)![1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/); // 128 bits
      // NextResponse.next({request: {headers}}) passes these on to the page's render.
      expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
      return nonce;
    });
    expect(new Set(nonces).size).toBe(3);
  });

  it("allows scripts only by nonce and what they load, and nothing to frame, embed or post elsewhere", () => {
    const policy = directives(run("/dashboard").headers.get("content-security-policy")!);
    const script = policy.get("script-src")!;
    expect(script).toEqual(["'self'", expect.stringMatching(/^'nonce-/), "'strict-dynamic'"]);
    expect(script.join(" ")).not.toMatch(/unsafe/);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    // Room for the IDE's Monaco editor: workers from blob: URLs, its injected styles.
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("runs for pages, never for the API, the health probe or build assets", () => {
    const matches = (url: string, headers = {}) => unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers });
    for (const page of ["/", "/login", "/chat", "/knowledge/3", "/settings"]) expect(matches(page), page).toBe(true);
    for (const other of ["/api/chat/stream", "/api/chat/", "/api/ingest/file", "/api", "/health", "/_next/static/chunks/app.js", "/icon.svg"]) {
      expect(matches(other), other).toBe(false);
    }
    expect(matches("/chat", { "next-router-prefetch": "1" })).toBe(false);
  });
});

describe("the API policy (next.config.ts)", () => {
  it("is strict and static on API responses, beside the other security headers", async () => {
    for (const url of ["http://grace.test/api/chat/", "http://grace.test/api/tokens", "http://grace.test/health"]) {
      const res = await unstable_getResponseFromNextConfig({ url, nextConfig });
      expect(res.headers.get("content-security-policy"), url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  it("is not put on pages, whose policy comes with a nonce", async () => {
    const res = await unstable_getResponseFromNextConfig({ url: "http://grace.test/chat", nextConfig });
    expect(res.headers.get("content-security-policy")).toBeNull();
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});
