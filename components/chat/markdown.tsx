"use client";

import { useMemo, useRef, useState, type ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";
import rehypeSanitize from "rehype-sanitize";
import { rehypeCitations } from "./rehype-citations";

export type Cited = { n: number; artifact_id: number; chunk_id: number | null; title: string; url: string | null; trust_score: number };

export function citationHref(c: Cited) {
  return `/knowledge/${c.artifact_id}${c.chunk_id ? `#passage-${c.chunk_id}` : ""}`;
}

/**
 * An answer's text as Markdown (GitHub's flavour): raw HTML in it is never rendered, and what
 * Markdown makes is sanitized; `[n]` markers become chips that open the cited passage; code
 * blocks have a copy button.
 */
export function AnswerMarkdown({ text, citations = [] }: { text: string; citations?: Cited[] }) {
  const byN = useMemo(() => new Map(citations.map((c) => [c.n, c])), [citations]);
  const rehypePlugins = useMemo(() => [rehypeSanitize, [rehypeCitations, { known: new Set(byN.keys()) }]] as ComponentProps<typeof Markdown>["rehypePlugins"], [byN]);
  const components = useMemo<Components>(
    () => ({
      a: ({ node, children, ...props }) => {
        void node;
        const n = Number((props as Record<string, unknown>)["data-cite"]);
        const c = byN.get(n);
        if (c) {
          return (
            <a
              href={citationHref(c)}
              aria-label={`[${c.n}], source: ${c.title}`}
              title={c.title}
              className="mx-0.5 inline-flex items-center rounded-full bg-indigo-50 px-1.5 align-baseline text-xs font-semibold text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-100"
            >
              [{c.n}]
            </a>
          );
        }
        return (
          <a {...props} className="text-indigo-700 underline" rel="noopener noreferrer nofollow">
            {children}
          </a>
        );
      },
      pre: ({ node, children }) => {
        void node;
        return <CodeBlock>{children}</CodeBlock>;
      },
    }),
    [byN],
  );
  return (
    <div className="answer-markdown space-y-2 break-words text-slate-800 [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-200/60 [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_table]:text-left [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={rehypePlugins} components={components}>
        {text}
      </Markdown>
    </div>
  );
}

function CodeBlock({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="relative">
      <pre ref={ref} className="overflow-x-auto rounded-md bg-slate-900 p-3 pr-16 text-xs text-slate-100">
        {children}
      </pre>
      <button
        type="button"
        className="absolute top-1.5 right-1.5 rounded bg-slate-700 px-2 py-1 text-xs text-slate-100 hover:bg-slate-600 focus-visible:outline-2 focus-visible:outline-indigo-400"
        onClick={() => {
          void navigator.clipboard?.writeText(ref.current?.textContent ?? "").then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy code"}
      </button>
    </div>
  );
}
