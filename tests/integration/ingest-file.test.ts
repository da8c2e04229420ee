import { describe, expect, it } from "vitest";
import * as search from "../../app/api/knowledge/search/route";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { uploadFile } from "../helpers/upload";
import { makePdf } from "../helpers/pdf";

const upload = (token: string, filename: string, content: string | Uint8Array, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  uploadFile({ token, filename, content, fields, headers });

describe("file ingestion", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const find = async (q: string) => (await call(search.POST, { bearer: token, body: { query: q, limit: 3 } })).json.results;

  it.each([
    ["notes.txt", "Plain text about the walrus colony.", "walrus colony", "text"],
    ["readme.md", "# Title\n\nMarkdown about the narwhal tusk.", "narwhal tusk", "text"],
    ["data.csv", "animal,habitat\nbeluga,arctic estuary\n", "beluga estuary", "text"],
    ["config.json", '{"fjord": "Geirangerfjord", "depth": 260}', "Geirangerfjord", "text"],
    ["script.py", "def puffin_count():\n    return 42  # puffin census\n", "puffin census", "code"],
  ])("ingests %s and its text becomes searchable", async (filename, content, query, type) => {
    const res = await upload(token, filename, content, { domain: "fixtures" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "ingested", filename, size: new TextEncoder().encode(content).length });
    const artifact = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: res.json.artifact_id } });
    expect(artifact).toMatchObject({ source: "file", artifactType: type, domain: "fixtures" });
    expect((await find(query))[0].artifact_id).toBe(res.json.artifact_id);
  });

  it("reduces HTML to its readable text", async () => {
    const html = "<html><head><title>t</title><style>.x{color:red}</style><script>var secretToken = 1;</script></head><body><h1>Tidal pools</h1><p>Anemones live in <b>tidal pools</b>.</p></body></html>";
    const res = await upload(token, "page.html", html);
    expect(res.status).toBe(201);
    const version = await db.knowledgeArtifactVersion.findFirstOrThrow({ where: { artifactId: res.json.artifact_id } });
    expect(version.content).toContain("Anemones live in tidal pools.");
    expect(version.content).not.toContain("secretToken");
    expect(version.content).not.toContain("<b>");
  });

  it("extracts the text of a PDF and refuses a corrupt one", async () => {
    const res = await upload(token, "report.pdf", makePdf("The lighthouse at Kermorvan was automated in 1995."));
    expect(res.status).toBe(201);
    expect((await find("Kermorvan lighthouse automated"))[0].artifact_id).toBe(res.json.artifact_id);
    const before = await db.knowledgeArtifact.count();
    const corrupt = await upload(token, "broken.pdf", "%PDF-1.4 this is not really a pdf");
    expect(corrupt.status).toBe(422);
    expect(corrupt.json.error.fields[0]).toEqual({ field: "body.file", message: "is not a readable PDF" });
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });

  it("refuses unsupported types (415, listing what is supported), bad JSON, empty or missing files", async () => {
    const exe = await upload(token, "tool.exe", "MZ binary");
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toContain(".pdf");
    expect((await upload(token, "bad.json", "{nope")).json.error.fields[0]).toEqual({ field: "body.file", message: "is not valid JSON" });
    expect((await upload(token, "empty.txt", "")).status).toBe(422);
    const latin1 = await upload(token, "latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    expect(latin1.json.error.fields[0].message).toBe("is not valid UTF-8 text");
  });

  it("refuses a file name over 255 characters with a 422 naming the limit (it was a 500)", async () => {
    const before = await db.knowledgeArtifact.count();
    const long = await upload(token, `${"n".repeat(252)}.txt`, "A file whose name is one character too long.");
    expect(long.status).toBe(422);
    expect(long.json.error.fields).toEqual([{ field: "body.file", message: "has a name longer than 255 characters (the limit)" }]);
    expect(await db.knowledgeArtifact.count()).toBe(before);
    const longest = await upload(token, `${"n".repeat(251)}.txt`, "A file whose name is exactly 255 characters long.");
    expect(longest.status).toBe(201);
  });

  it("refuses files whose text is only whitespace, or longer than an artifact holds, with a 422 on the file", async () => {
    const blank = await upload(token, "blank.txt", "  \n\t \r\n  ");
    expect(blank.status).toBe(422);
    expect(blank.json.error.fields).toEqual([{ field: "body.file", message: "has no text (only whitespace)" }]);
    const blankPage = await upload(token, "blank.html", "<html><body><p>   </p><img src=x></body></html>");
    expect(blankPage.json.error.fields).toEqual([{ field: "body.file", message: "has no text (only whitespace)" }]);
    const huge = await upload(token, "huge.txt", "word ".repeat(1_000_001));
    expect(huge.status).toBe(422);
    expect(huge.json.error.fields).toEqual([{ field: "body.file", message: "has more than 5000000 characters of text (the limit)" }]);
  });

  it("answers a duplicate with the existing artifact and refuses files over 10 MB with 413", async () => {
    const first = await upload(token, "dup.txt", "Exactly the same bytes about kelp forests.");
    const again = await upload(token, "copy.txt", "Exactly the same bytes about kelp forests.");
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: "duplicate", artifact_id: first.json.artifact_id });
    const big = await upload(token, "big.txt", "x".repeat(11 * 1024 * 1024));
    expect(big.status).toBe(413);
  });
});
