import { createHash } from "node:crypto";

/** The form content is hashed and indexed in: Unicode NFC, \n line ends, no trailing spaces. */
export function normalizeContent(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
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
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug || "untitled";
}
