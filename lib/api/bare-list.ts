import { json } from "./responses";

/**
 * Paths the earlier API answered with a bare JSON array keep it; the next page's cursor
 * travels in the X-Next-Cursor header instead of the body.
 */
export function bareList(items: unknown[], nextCursor: string | null): Response {
  return json(items, { headers: nextCursor ? { "X-Next-Cursor": nextCursor } : {} });
}
