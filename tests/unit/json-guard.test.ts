import { describe, expect, it } from "vitest";
import { findBadCharacter } from "../../lib/api/json-guard";
import { jsonNestsDeeperThan as jsonDepthExceeds } from "../../lib/text/json-depth";

describe("JSON body guards", () => {
  it("counts nesting outside strings only", () => {
    expect(jsonDepthExceeds('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(`{"a":"${"[".repeat(100)}"}`, 2)).toBe(false);
    expect(jsonDepthExceeds(`{"a":"\\"${"{".repeat(100)}"}`, 2)).toBe(false);
    expect(jsonDepthExceeds("[".repeat(100_000) + "]".repeat(100_000), 32)).toBe(true);
  });

  it("finds NUL and control characters in values and keys, with their path", () => {
    expect(findBadCharacter({ title: "ok\ttab\nline" }, ["body"])).toBeNull();
    expect(findBadCharacter({ title: "a\u0000b" }, ["body"])).toEqual({ field: "body.title", message: expect.stringContaining("NUL") });
    expect(findBadCharacter({ tags: ["x", "bell\u0007"] }, ["body"])).toEqual({ field: "body.tags.1", message: expect.stringContaining("U+0007") });
    expect(findBadCharacter({ metadata: { "k\u001b": 1 } }, ["body"])?.field).toBe("body.metadata.k\u001b");
    expect(findBadCharacter("esc\u001b", ["body"])?.field).toBe("body");
  });
});
