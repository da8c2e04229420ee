import { getDocumentProxy } from "unpdf";
import { isAllocationFailure, Refused } from "./refusal";
import type { ChildLimits } from "./protocol";
import { cleanTitle } from "./title";

type TextItem = { str?: string; hasEOL?: boolean };

/**
 * A PDF's text with pdf.js (unpdf), page by page so the text cap stops it early; pages are
 * joined as unpdf's `extractText(…, { mergePages: true })` joins them. `title`: the document's
 * Title field, when it has a real one.
 */
export async function pdfText(bytes: Uint8Array, limits: ChildLimits): Promise<{ text: string; title?: string }> {
  const pages: string[] = [];
  let size = 0;
  let title: string | undefined;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    title = await pdf
      .getMetadata()
      .then((m) => cleanTitle(String((m.info as { Title?: unknown } | undefined)?.Title ?? "")))
      .catch(() => undefined);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const items = (await page.getTextContent()).items as TextItem[];
      const text = items
        .filter((item) => item.str != null)
        .map((item) => item.str + (item.hasEOL ? "\n" : ""))
        .join("");
      page.cleanup();
      size += Buffer.byteLength(text) + 1;
      if (size > limits.maxTextBytes) throw new Refused("text");
      pages.push(text);
    }
  } catch (error) {
    if (error instanceof Refused || isAllocationFailure(error)) throw error;
    throw new Refused("invalid", "is not a readable PDF");
  }
  const text = pages
    .join("\n")
    .replace(/\u0000/g, "") // glyphs pdf.js cannot map; no database stores NUL
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n");
  if (!text.trim()) throw new Refused("invalid", "has no extractable text (a scanned PDF needs OCR first)");
  return title ? { text, title } : { text };
}
