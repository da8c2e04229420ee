// proxy.ts hands each page request's path to the render, for the sign-in redirect's callbackUrl
// (lib/auth/current-user.ts requireUser); e2e/deep-links.spec.ts follows it through a browser.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const passed = (url: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`http://grace.test${url}`, { headers })).headers.get("x-middleware-request-x-grace-path");

describe("the page path for callbackUrl (proxy.ts)", () => {
  it("is the path and query the browser asked for", () => {
    expect(passed("/knowledge/3?version=2")).toBe("/knowledge/3?version=2");
    expect(passed("/settings")).toBe("/settings");
  });

  it("leaves out Next's own _rsc cache key", () => {
    expect(passed("/tasks?_rsc=1x2y")).toBe("/tasks");
    expect(passed("/audit?actor=admin&_rsc=1x2y")).toBe("/audit?actor=admin");
  });

  it("replaces whatever the client sent under the same name", () => {
    expect(passed("/chat", { "x-grace-path": "//evil.example" })).toBe("/chat");
  });
});
