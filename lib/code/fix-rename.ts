// Corrects a misspelled name: every use of it in code (never in strings or comments, never an
// attribute such as `obj.prnt`) becomes the name it was meant to be.
import { lex } from "./lex";
import { identifiers } from "./identifiers";
import type { CodeLanguage } from "./languages";

export type RenameFix = { source: string; description: string; count: number };

/** `lines` (1-based) limits the change to those lines (a shell reports each line it failed on). */
export function renameName(o: { language: CodeLanguage; source: string; from: string; to: string; lines?: number[] }): RenameFix | null {
  const { code } = lex(o.language, o.source);
  let allowed: Set<number> | null = null;
  if (o.lines) {
    allowed = new Set<number>();
    const starts: number[] = [];
    let offset = 0;
    for (const line of o.source.split("\n")) {
      starts.push(offset);
      offset += line.length + 1;
    }
    for (const n of o.lines) if (n >= 1 && n <= starts.length) allowed.add(starts[n - 1]);
  }
  const lineStart = (offset: number) => {
    const nl = o.source.lastIndexOf("\n", offset - 1);
    return nl + 1;
  };
  const uses = identifiers(code).filter((id) => id.name === o.from && !id.attribute && (!allowed || allowed.has(lineStart(id.offset))));
  if (!uses.length) return null;
  let text = o.source;
  for (const use of [...uses].reverse()) text = text.slice(0, use.offset) + o.to + text.slice(use.offset + o.from.length);
  const count = uses.length;
  return { source: text, count, description: `Replaces "${o.from}" with "${o.to}" (${count === 1 ? "1 place" : `${count} places`})` };
}
