// A document's own title, where it has one: the first heading of a Markdown text, a PDF's
// Title field. Titles are shown and searched, so they are one line, plain text, at most 256
// characters; a value that only names a file ("Microsoft Word - report.docx") is no title.
import { truncate } from "../text/truncate";

export const MAX_TITLE_CHARS = 256;

/** One line of plain text, or undefined when nothing worth showing is left. */
export function cleanTitle(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const title = raw
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!title || /^untitled\b/i.test(title) || /^microsoft (word|powerpoint|excel) - /i.test(title) || /\.(docx?|pdf|odt|rtf|pptx?|xlsx?|tex|dvi|ps|txt|md)$/i.test(title)) return undefined;
  return truncate(title, MAX_TITLE_CHARS, "");
}

/** The first heading of a Markdown text (`# Title` or a line underlined with === / ---), outside code blocks, as plain text. */
export function markdownTitle(text: string): string | undefined {
  const lines = text.split("\n", 400);
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const body = line.replace(/^ {0,3}/, "");
    const mark = body.startsWith("```") ? "`" : body.startsWith("~~~") ? "~" : null;
    if (mark) {
      if (fence === null) fence = mark;
      else if (mark === fence) fence = null;
      continue;
    }
    if (fence !== null || line.startsWith("    ") || line.startsWith("\t")) continue;
    const atx = atxHeading(body);
    if (atx !== undefined) return cleanTitle(plainInline(atx));
    const next = lines[i + 1]?.replace(/\r$/, "").trim();
    if (body.trim() && next && (/^=+$/.test(next) || /^-{2,}$/.test(next)) && !/^([-*+]|\d+[.)])\s/.test(body)) return cleanTitle(plainInline(body.trim()));
  }
  return undefined;
}

/** The text of an ATX heading line ("## Title ##" → "Title"), or undefined when it is not one. */
function atxHeading(body: string): string | undefined {
  let level = 0;
  while (level < body.length && body[level] === "#") level++;
  if (level < 1 || level > 6 || (level < body.length && body[level] !== " " && body[level] !== "\t")) return undefined;
  let rest = body.slice(level).trim();
  // An optional closing run of #, after a space.
  let end = rest.length;
  while (end > 0 && rest[end - 1] === "#") end--;
  if (end === 0) rest = "";
  else if (end < rest.length && (rest[end - 1] === " " || rest[end - 1] === "\t")) rest = rest.slice(0, end).trim();
  return rest || undefined;
}

/** Inline Markdown as the words it shows: links and images by their text, no emphasis, code marks or tags. */
function plainInline(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\" && i + 1 < s.length) {
      out += s[++i];
      continue;
    }
    if (c === "]" && s[i + 1] === "(") {
      const close = s.indexOf(")", i + 2);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === "<") {
      const close = s.indexOf(">", i + 1);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === "!" && s[i + 1] === "[") continue;
    if (c === "[" || c === "]" || c === "*" || c === "`" || c === "~") continue;
    // _emphasis_, not snake_case
    if (c === "_" && (i === 0 || i === s.length - 1 || /\s|_/.test(s[i - 1]) || /\s|_/.test(s[i + 1]))) continue;
    out += c;
  }
  return out;
}
