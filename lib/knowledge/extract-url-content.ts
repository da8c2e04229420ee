// Turns a fetched page into a title and the text to index, by its Content-Type (or, when the
// server sends none that helps, the URL's extension). Failures throw UrlRefusedError: the same
// page fetched again would fail the same way.
import { DomUtils, parseDocument } from "htmlparser2";
import { UrlRefusedError, type Fetched } from "../net/safe-fetch";
import { htmlToText, pdfToText } from "./extract-text";

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

export async function extractUrlContent(page: Fetched): Promise<UrlContent> {
  const [mime, ...params] = page.contentType.split(";").map((p) => p.trim().toLowerCase());
  const url = new URL(page.url);
  const extension = /\.[a-z0-9]+$/.exec(url.pathname.toLowerCase())?.[0] ?? "";
  const kind = BY_MIME[mime] ?? (!mime || mime === "application/octet-stream" ? BY_EXTENSION[extension] : undefined);
  if (!kind) throw new UrlRefusedError(`has content type ${mime || "(none)"}, which cannot be ingested: HTML, plain text, Markdown, CSV, JSON and PDF can`);
  const fallbackTitle = decodeURIComponent(url.pathname.split("/").filter(Boolean).pop() ?? "") || url.hostname;

  if (kind === "pdf") {
    try {
      return { title: fallbackTitle, text: await pdfToText(page.bytes), mimeType: "application/pdf" };
    } catch (error) {
      throw new UrlRefusedError((error as Error).message);
    }
  }
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "") || "utf-8";
  const raw = decode(page.bytes, charset);
  if (kind === "html") {
    const title = DomUtils.textContent(DomUtils.findOne((e) => e.name === "title", parseDocument(raw).children) ?? []).trim();
    return { title: title.slice(0, 256) || fallbackTitle, text: htmlToText(raw), mimeType: "text/html" };
  }
  if (kind === "json") {
    try {
      JSON.parse(raw);
    } catch {
      throw new UrlRefusedError("is served as JSON but is not valid JSON");
    }
  }
  return { title: fallbackTitle.slice(0, 256), text: raw, mimeType: mime || "text/plain" };
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
