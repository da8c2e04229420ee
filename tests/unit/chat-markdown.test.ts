import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AnswerMarkdown } from "../../components/chat/markdown";

const citations = [{ n: 1, artifact_id: 7, chunk_id: 42, title: "Kiln manual", url: null, trust_score: 75 }];
const render = (text: string) => renderToStaticMarkup(createElement(AnswerMarkdown, { text, citations }));

describe("answers as Markdown", () => {
  it("formats GitHub Markdown: emphasis, lists, tables, code", () => {
    const html = render("It is **hot**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```sh\necho hi\n```");
    expect(html).toContain("<strong>hot</strong>");
    expect(html).toContain("<li>two</li>");
    expect(html).toContain("<table>");
    expect(html).toMatch(/<pre[^>]*><code class="language-sh">echo hi\n<\/code><\/pre>/);
    expect(html).toContain("Copy code");
  });

  it("makes [n] markers of known citations into chips to the passage, not in code, not unknown numbers", () => {
    const html = render("Hot [1], see [2].\n\n`code [1]`");
    expect(html).toContain('href="/knowledge/7#passage-42"');
    expect(html.match(/aria-label="\[1\], source: Kiln manual"/g)).toHaveLength(1);
    expect(html).toContain("see [2].");
    expect(html).toContain("<code>code [1]</code>");
  });

  it("never renders raw HTML or script URLs from the content", () => {
    const html = render('<img src=x onerror="alert(1)"> <script>alert(2)</script> <b data-cite="1">x</b> [a](javascript:alert(3)) <a data-cite="1">[1]</a>');
    expect(html).not.toMatch(/<img|<script|<b[ >]|onerror=|javascript:/i);
    // Only the plugin makes chips: a marker-looking element in the content does not.
    expect(html).not.toContain('data-cite="1"');
  });
});
