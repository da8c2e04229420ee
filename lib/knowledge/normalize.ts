import { createHash } from "node:crypto";
import { isLineBreak } from "../text/chars";

/** The form content is hashed and indexed in: Unicode NFC, \n line ends, no trailing spaces. */
export function normalizeContent(text: string): string {
  return stripTrailingBlanks(text.normalize("NFC").replace(/\r\n?/g, "\n"))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Drops spaces and tabs before every line end (as `$` with the m flag: \n, \u2028, \u2029)
 * and at the end, in one forward scan. Not `/[ \t]+$/gm`: that retries from every space of a
 * long run followed by text, so a line of 50,000 spaces then "x" took seconds (quadratic).
 */
function stripTrailingBlanks(text: string): string {
  let out = "";
  let from = 0; // start of the text not yet copied to out
  let blanks = -1; // start of the current run of spaces and tabs, if any
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (c === 0x20 || c === 0x09) {
      if (blanks < 0) blanks = i;
      continue;
    }
    if (blanks >= 0 && isLineBreak(c)) {
      out += text.slice(from, blanks);
      from = i;
    }
    blanks = -1;
  }
  return out + text.slice(from);
}

export function contentHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    // Runs are single dashes by now, so no `-+$` retried along a long run of them.
    .replace(/^-|-$/g, "")
    .slice(0, 80);
  return slug || "untitled";
}
