// A file's title is its own where it has one — the first Markdown heading, the PDF's Title, the
// page's <title> — unless the form gives one; the file name otherwise.
import { describe, expect, it } from "vitest";
import { createUser, db, tokenFor } from "../helpers/api";
import { uploadFile } from "../helpers/upload";
import { makePdf } from "../helpers/pdf";

async function upload(token: string, filename: string, content: string | Uint8Array, fields: Record<string, string> = {}) {
  const res = await uploadFile({ token, filename, content, fields });
  expect(res.status).toBe(201);
  return (await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: res.json.artifact_id } })).title;
}

describe("file titles", async () => {
  const user = await createUser();
  const token = await tokenFor(user);

  it("takes a Markdown file's first heading", async () => {
    expect(await upload(token, "seals.md", "Some preface.\n\n# Harbour *seals* of the Wadden Sea\n\nThey haul out on sandbanks.")).toBe("Harbour seals of the Wadden Sea");
  });

  it("takes a PDF's Title, and the file name when it has none or only a file name", async () => {
    expect(await upload(token, "scan-1.pdf", makePdf("Glaciers calve into the fjord.", { title: "Calving glaciers of Svalbard" }))).toBe("Calving glaciers of Svalbard");
    expect(await upload(token, "scan-2.pdf", makePdf("Puffins nest in burrows."))).toBe("scan-2.pdf");
    expect(await upload(token, "scan-3.pdf", makePdf("Gannets dive at speed.", { title: "Microsoft Word - gannets.docx" }))).toBe("scan-3.pdf");
  });

  it("takes an HTML file's <title>", async () => {
    expect(await upload(token, "page.html", "<title>Kelp forests</title><p>Kelp grows half a metre a day.</p>")).toBe("Kelp forests");
  });

  it("keeps the title the form gives, and the file name for text without a heading", async () => {
    expect(await upload(token, "otters.md", "# Otters\n\nSea otters use stones as tools.", { title: "My otter notes" })).toBe("My otter notes");
    expect(await upload(token, "plain.txt", "# Not a heading in a text file\nplain text about terns")).toBe("plain.txt");
  });
});
