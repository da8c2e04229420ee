import { z } from "zod";

// Cursors are opaque to clients: base64url of the last row's sort key.
export function encodeCursor(key: number): string {
  return Buffer.from(`v1:${key}`).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const match = /^v1:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : null;
}

/** `limit` (1–100, default 50) and `cursor`, for every list's query schema. */
export const paginationQuery = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(50),
  cursor: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      const key = decodeCursor(value);
      if (key === null) {
        ctx.addIssue({ code: "custom", message: "is not a cursor this API issued" });
        return z.NEVER;
      }
      return key;
    }),
});

/** Given limit + 1 rows, the page and the cursor of the next one. */
export function page<T>(rows: T[], limit: number, key: (row: T) => number) {
  const items = rows.slice(0, limit);
  const next_cursor = rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null;
  return { items, next_cursor };
}
