import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, page, paginationQuery } from "../../lib/api/pagination";

describe("pagination", () => {
  it("round-trips cursors and rejects foreign ones", () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from("v1:-3").toString("base64url"))).toBeNull();
  });

  it("defaults limit to 50 and caps it at 100", () => {
    expect(paginationQuery.parse({})).toEqual({ limit: 50, cursor: undefined });
    expect(paginationQuery.safeParse({ limit: "101" }).success).toBe(false);
    expect(paginationQuery.safeParse({ limit: "0" }).success).toBe(false);
    expect(paginationQuery.parse({ limit: "100" }).limit).toBe(100);
  });

  it("cuts limit + 1 rows into a page and a next cursor", () => {
    const rows = [{ id: 9 }, { id: 8 }, { id: 7 }];
    expect(page(rows, 2, (r) => r.id)).toEqual({ items: [{ id: 9 }, { id: 8 }], next_cursor: encodeCursor(8) });
    expect(page(rows.slice(0, 2), 2, (r) => r.id).next_cursor).toBeNull();
  });
});
