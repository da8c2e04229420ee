import { describe, expect, it } from "vitest";
import { cleanTitle, markdownTitle } from "../../lib/parse/title";

describe("a document's own title", () => {
  it.each([
    ["# Harbour seals\n\nText.", "Harbour seals"],
    ["Intro line\n\n## The **tidal** `zone` ##\n", "The tidal zone"],
    ["Walrus notes\n============\n\nBody", "Walrus notes"],
    ["Sub heading\n---\nBody", "Sub heading"],
    ["```\n# not a heading\n```\n# Real [title](https://x.test)", "Real title"],
    ["   # Indented three spaces", "Indented three spaces"],
  ])("takes the first Markdown heading: %j", (text, title) => {
    expect(markdownTitle(text)).toBe(title);
  });

  it.each([["No heading at all.\nJust text."], ["#hashtag is not a heading"], ["- a list\n---"], ["    # indented code"]])("finds none in %j", (text) => {
    expect(markdownTitle(text)).toBeUndefined();
  });

  it("keeps a title one plain line of at most 256 characters, and drops file names and placeholders", () => {
    expect(cleanTitle("  Annual\n report\t2031 ")).toBe("Annual report 2031");
    expect(cleanTitle("x".repeat(300))).toHaveLength(256);
    for (const junk of ["", "   ", "Untitled", "untitled document", "Microsoft Word - report.docx", "scan0001.pdf", null, undefined]) expect(cleanTitle(junk)).toBeUndefined();
  });
});
