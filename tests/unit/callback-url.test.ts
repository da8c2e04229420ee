import { describe, expect, it } from "vitest";
import { changePasswordPath, safeCallbackUrl, signInPath } from "@/lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/knowledge/3?version=2#passage-7", "/knowledge/3?version=2#passage-7"],
    ["/chat", "/chat"],
    [null, "/dashboard"],
    ["", "/dashboard"],
    ["dashboard", "/dashboard"],
    ["https://evil.example/x", "/dashboard"],
    ["//evil.example/x", "/dashboard"],
    ["/\\evil.example/x", "/dashboard"],
    ["/\t/evil.example", "/dashboard"],
    ["/login?callbackUrl=/x", "/dashboard"],
    ["/logout", "/dashboard"],
    ["/change-password?callbackUrl=/x", "/dashboard"],
  ])("%j → %s", (url, target) => {
    expect(safeCallbackUrl(url)).toBe(target);
  });
});

describe("signInPath", () => {
  it("carries the page to come back to", () => {
    expect(signInPath("/knowledge/3?version=2")).toBe("/login?callbackUrl=%2Fknowledge%2F3%3Fversion%3D2");
    expect(signInPath(null)).toBe("/login");
    expect(signInPath("/dashboard")).toBe("/login");
    expect(signInPath("//evil.example")).toBe("/login");
  });
});

describe("changePasswordPath", () => {
  it("carries the page a temporary password's owner asked for, to go on to once they chose their own", () => {
    expect(changePasswordPath("/knowledge/3")).toBe("/change-password?callbackUrl=%2Fknowledge%2F3");
    expect(changePasswordPath(null)).toBe("/change-password");
    expect(changePasswordPath("//evil.example")).toBe("/change-password");
  });
});
