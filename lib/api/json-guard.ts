// Checks on a JSON body before and after it is parsed, so what reaches a handler is safe to
// store and to walk recursively: nesting is bounded (a 100,000-deep body would overflow the
// stack of whatever recurses over it — zod, Prisma, the audit log's canonical encoding), and
// strings hold no NUL (PostgreSQL cannot store it) and no control characters but tab and
// line breaks. Both checks are single linear passes.
import type { FieldError } from "../errors";

export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in JSON text, counted outside strings; stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/** The first string (key or value) holding a character that cannot be stored, with its path. */
export function findBadCharacter(value: unknown, path: string[] = []): FieldError | null {
  // Iterative, so the walk itself has no recursion limit.
  const stack: { value: unknown; path: string[] }[] = [{ value, path }];
  while (stack.length) {
    const { value: v, path: p } = stack.pop()!;
    if (typeof v === "string") {
      const bad = badCharacter(v);
      if (bad) return { field: p.join(".") || "body", message: bad };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...p, String(i)] });
    } else if (v && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        const bad = badCharacter(key);
        if (bad) return { field: [...p, key].join("."), message: `has a name that ${bad}` };
        stack.push({ value: child, path: [...p, key] });
      }
    }
  }
  return null;
}

function badCharacter(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      return c === 0 ? "contains a NUL character (\\u0000), which cannot be stored" : `contains the control character U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
    }
    if (c === 0x7f) return "contains the control character U+007F";
    // A lone surrogate is the escaped form of invalid UTF-8: the databases would store it altered.
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return "contains an unpaired surrogate (\\u" + c.toString(16) + "), which is not valid Unicode";
    } else if (c >= 0xdc00 && c <= 0xdfff) return "contains an unpaired surrogate (\\u" + c.toString(16) + "), which is not valid Unicode";
  }
  return null;
}
