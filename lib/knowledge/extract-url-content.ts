// Turns a fetched page into a title and the text to index, by its Content-Type (or, when the
// server sends none that helps, the URL's extension). HTML, JSON and PDF are parsed in a child
// process under OS limits (lib/parse), as uploads are. Failures throw UrlRefusedError: the
// same page fetched again would fail the same way.
import { cleanTitle, markdownTitle } from "../parse/title";
import { UrlRefusedError, type Fetched } from "../net/safe-fetch";
import { parseUntrusted } from "../parse/parse-untrusted";
import { ParseRefusedError, type ParseKind } from "../parse/protocol";
import { truncate } from "../text/truncate";

type Kind = "html" | "text" | "json" | "pdf";
const BY_MIME: Record<string, Kind> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "text",
  "text/x-markdown": "text",
  "text/csv": "text",
  "application/json": "json",
  "application/pdf": "pdf",
};
const BY_EXTENSION: Record<string, Kind> = { ".html": "html", ".htm": "html", ".txt": "text", ".md": "text", ".csv": "text", ".json": "json", ".pdf": "pdf" };

export type UrlContent = { title: string; text: string; mimeType: string };

export async function extractUrlContent(page: Fetched, o: { signal?: AbortSignal } = {}): Promise<UrlContent> {
  const [mime, ...params] = page.contentType.split(";").map((p) => p.trim().toLowerCase());
  const url = new URL(page.url);
  const extension = /\.[a-z0-9]+$/.exec(url.pathname.toLowerCase())?.[0] ?? "";
  const kind = BY_MIME[mime] ?? (!mime || mime === "application/octet-stream" ? BY_EXTENSION[extension] : undefined);
  if (!kind) throw new UrlRefusedError(`has content type ${mime || "(none)"}, which cannot be ingested: HTML, plain text, Markdown, CSV, JSON and PDF can`);
  const fallbackTitle = truncate(lastSegment(url) || url.hostname, 256, "");

  if (kind === "pdf") {
    const pdf = await parse("pdf", page.bytes, o.signal);
    return { title: cleanTitle(pdf.title) ?? fallbackTitle, text: pdf.text, mimeType: "application/pdf" };
  }
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "") || "utf-8";
  const raw = decode(page.bytes, charset);
  // A Markdown page's first heading is its title.
  if (kind === "text") return { title: ((mime === "text/markdown" || extension === ".md") && markdownTitle(raw)) || fallbackTitle, text: raw, mimeType: mime || "text/plain" };
  // The child reads UTF-8, whatever charset the page came in.
  const utf8 = new TextEncoder().encode(raw);
  if (kind === "html") {
    const { text, title } = await parse("html", utf8, o.signal);
    return { title: (title && truncate(title, 256, "")) || fallbackTitle, text, mimeType: "text/html" };
  }
  await parse("json", utf8, o.signal);
  return { title: fallbackTitle, text: raw, mimeType: mime || "application/json" };
}

async function parse(kind: ParseKind, bytes: Uint8Array, signal?: AbortSignal) {
  try {
    return await parseUntrusted({ kind, bytes, signal });
  } catch (error) {
    if (!(error instanceof ParseRefusedError)) throw error;
    throw new UrlRefusedError(kind === "json" && error.reason === "invalid" ? "is served as JSON but is not valid JSON" : error.message);
  }
}

/** The URL's last path segment, decoded when it is well-formed percent-encoding. */
function lastSegment(url: URL): string {
  const segment = url.pathname.split("/").filter(Boolean).pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray "%" is part of the name as the server wrote it
  }
}

function decode(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new UrlRefusedError(`uses the unknown character set ${charset}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new UrlRefusedError(`is not valid ${charset} text`);
  }
}
