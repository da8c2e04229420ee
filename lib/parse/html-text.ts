import { convert } from "html-to-text";
import { capText, Refused } from "./refusal";
import { scanHtml } from "./nesting-depth";
import type { ChildLimits } from "./protocol";

/** The readable text of an HTML page: no markup, scripts, link targets or images. */
export function htmlText(html: string, limits: ChildLimits): { text: string; title: string } {
  const scan = scanHtml(html, limits.maxDepth);
  if (scan.tooDeep) throw new Refused("depth");
  const text = convert(html, { wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }, { selector: "img", format: "skip" }] })
    // Browsers ignore NUL in a page; no database stores it.
    .replace(/\u0000/g, "");
  return { text: capText(text, limits), title: scan.title.replace(/\u0000/g, "") };
}
