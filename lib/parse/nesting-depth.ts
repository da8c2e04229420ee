// Nesting is checked before a file reaches a parser: html-to-text walks the DOM recursively
// and JSON.parse builds every level, so a file nested 100,000 deep costs seconds and then a
// stack overflow. Both checks are one forward pass that stops at the limit.
import { Parser } from "htmlparser2";
import { truncate } from "../text/truncate";

export { jsonNestsDeeperThan } from "../text/json-depth";

class TooDeep extends Error {}

const MAX_TITLE_CHARS = 1024;

/**
 * Element depth as the DOM will have it, and the first <title>'s text, from htmlparser2's
 * tokenizer alone (the same one html-to-text builds its DOM with, so implied closes such as
 * `<p>…<p>` and void elements count as they will there). It stops at the first element past
 * `maxDepth`, so its open-element stack, and the work per closing tag, stay bounded by it.
 */
export function scanHtml(html: string, maxDepth: number): { tooDeep: boolean; title: string } {
  let depth = 0;
  let inTitle = false;
  let titleSeen = false;
  let title = "";
  const parser = new Parser(
    {
      onopentag(name) {
        if (++depth > maxDepth) throw new TooDeep();
        if (name === "title" && !titleSeen) inTitle = titleSeen = true;
      },
      ontext(text) {
        if (inTitle && title.length < MAX_TITLE_CHARS) title += text;
      },
      onclosetag(name) {
        depth--;
        if (name === "title") inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof TooDeep) return { tooDeep: true, title: "" };
    throw error;
  }
  return { tooDeep: false, title: truncate(title.trim(), MAX_TITLE_CHARS, "") };
}
