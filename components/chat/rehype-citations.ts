import type { Element, ElementContent, Root, RootContent } from "hast";

// Turns the `[n]` markers of an answer into citation elements (<a data-cite="n">) where a
// citation n exists. It runs after rehype-sanitize, so only this plugin can make them: text
// that merely looks like a marker inside code or a link stays as it is.
const MARKER = /\[(\d{1,3})\]/g;

export function rehypeCitations(o: { known: Set<number> }) {
  return (tree: Root) => {
    visit(tree);
  };

  function visit(parent: Root | Element) {
    const out: RootContent[] = [];
    for (const child of parent.children) {
      if (child.type === "element") {
        if (!["code", "pre", "a"].includes(child.tagName)) visit(child);
        out.push(child);
      } else if (child.type === "text") {
        out.push(...split(child.value));
      } else {
        out.push(child);
      }
    }
    parent.children = out as ElementContent[];
  }

  function split(text: string): ElementContent[] {
    const parts: ElementContent[] = [];
    let last = 0;
    for (const m of text.matchAll(MARKER)) {
      const n = Number(m[1]);
      if (!o.known.has(n)) continue;
      if (m.index > last) parts.push({ type: "text", value: text.slice(last, m.index) });
      parts.push({ type: "element", tagName: "a", properties: { dataCite: String(n) }, children: [{ type: "text", value: `[${n}]` }] });
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push({ type: "text", value: text.slice(last) });
    return parts;
  }
}
