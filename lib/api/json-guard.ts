// Checks on a JSON body before and after it is parsed, so what reaches a handler is safe to
// store and to walk recursively: nesting is bounded (a 100,000-deep body would overflow the
// stack of whatever recurses over it — zod, Prisma, the audit log's canonical encoding), and
// strings hold no NUL (PostgreSQL cannot store it) and no control characters but tab and
// line breaks. Both checks are single linear passes (the depth one is lib/text/json-depth.ts).
import type { FieldError } from "../errors";
import { unstorableCharacter } from "../text/unstorable";

export const MAX_JSON_DEPTH = 32;

/** The first string (key or value) holding a character that cannot be stored, with its path. */
export function findBadCharacter(value: unknown, path: string[] = []): FieldError | null {
  // Iterative, so the walk itself has no recursion limit.
  const stack: { value: unknown; path: string[] }[] = [{ value, path }];
  while (stack.length) {
    const { value: v, path: p } = stack.pop()!;
    if (typeof v === "string") {
      const bad = unstorableCharacter(v);
      if (bad) return { field: p.join(".") || "body", message: bad };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...p, String(i)] });
    } else if (v && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        const bad = unstorableCharacter(key);
        if (bad) return { field: [...p, key].join("."), message: `has a name that ${bad}` };
        stack.push({ value: child, path: [...p, key] });
      }
    }
  }
  return null;
}
