import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeSanitize from "rehype-sanitize";

/** A line written in Markdown: a heading, a fence, a list item or a quote at its start, or a link or bold text in it. */
function markdownLine(line: string): boolean {
  const t = line.replace(/^ {0,3}/, "");
  return /^(#{1,6} \S|```|~~~|[-*+] \S|\d{1,9}\. \S|> )/.test(t) || (line.includes("](") && line.includes("[")) || /\*\*\S/.test(line);
}

/** Whether a source's passages are shown as Markdown: Markdown files, and text that is written in it. */
export function rendersAsMarkdown(o: { type: string; mimeType: string | null; passages: { content: string }[] }): boolean {
  if (o.type === "code") return false;
  if (o.mimeType === "text/markdown") return true;
  return o.type !== "url" && o.mimeType === "text/plain" && o.passages.some((p) => p.content.split("\n").some(markdownLine));
}

type MdNode = { type: string; children?: MdNode[] };

/** A remark plugin: HTML written in the Markdown is shown as the text it is, never dropped or rendered. */
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return walk;
}

const style =
  "space-y-2 break-words [&_a]:text-indigo-700 [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h3]:text-base [&_h3]:font-semibold [&_h4]:font-semibold [&_h5]:font-semibold [&_h6]:font-medium [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_table]:text-left [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-5";

/**
 * One passage of a source. Markdown is rendered (GitHub's flavour); HTML written in it is shown as
 * text, never rendered (htmlAsText); rehype-sanitize cleans what Markdown makes;
 * and images are not loaded (a source could use them to track its readers). Other text is shown
 * as it is, line breaks kept.
 */
export function PassageText({ content, markdown }: { content: string; markdown: boolean }) {
  if (!markdown) return <div className="whitespace-pre-wrap">{content}</div>;
  return (
    <div className={style}>
      <Markdown
        remarkPlugins={[remarkGfm, htmlAsText]}
        rehypePlugins={[rehypeSanitize]}
        disallowedElements={["img"]}
        unwrapDisallowed
        components={{
          // A passage sits under the page's own h1 and the Passages section: its headings go below them.
          h1: ({ node, ...props }) => (void node, <h3 {...props} />),
          h2: ({ node, ...props }) => (void node, <h4 {...props} />),
          h3: ({ node, ...props }) => (void node, <h5 {...props} />),
          h4: ({ node, ...props }) => (void node, <h6 {...props} />),
          h5: ({ node, ...props }) => (void node, <h6 {...props} />),
          a: ({ node, children, ...props }) => {
            void node;
            return (
              <a {...props} rel="noopener noreferrer nofollow">
                {children}
              </a>
            );
          },
        }}
      >
        {content}
      </Markdown>
    </div>
  );
}
