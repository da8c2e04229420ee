// A fix travels as a unified diff (jsdiff) from the program that ran to the fixed program:
// applied to that program it gives the fix, reversed and applied to the fixed file it gives
// the program back.
import { applyPatch, createPatch, parsePatch, reversePatch } from "diff";

export function fixPatch(fileName: string, before: string, after: string): string {
  return createPatch(fileName, before, after);
}

/** The fixed program, or null when the patch does not apply to `source`. */
export function applyFixPatch(source: string, patch: string): string | null {
  const [parsed] = parsePatch(patch);
  if (!parsed?.hunks.length) return null;
  const result = applyPatch(source, parsed);
  return result === false ? null : result;
}

/** The program before the fix, from the fixed `content`, or null when the patch does not reverse onto it. */
export function revertFixPatch(content: string, patch: string): string | null {
  const [parsed] = parsePatch(patch);
  if (!parsed?.hunks.length) return null;
  const result = applyPatch(content, reversePatch(parsed));
  return result === false ? null : result;
}
