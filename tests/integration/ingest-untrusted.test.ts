// Untrusted files are parsed in a child process under OS limits (lib/parse): a file built to
// exhaust memory, CPU or the parser's recursion is refused with a 422 naming the limit, and
// the web process keeps answering meanwhile.
import { setImmediate } from "node:timers";
import { afterEach, describe, expect, it } from "vitest";
import * as health from "../../app/api/health/route";
import { ingestUrl } from "../../lib/knowledge/ingest-url";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { uploadFile } from "../helpers/upload";
import { makeInflatingPdf, makePdf } from "../helpers/pdf";
import { page, startWebServer } from "../helpers/web-server";

const upload = (token: string, filename: string, content: string | Uint8Array) => uploadFile({ token, filename, content });

const SETTINGS = ["GRACE_PARSE_MEMORY_MB", "GRACE_PARSE_CPU_SECONDS", "GRACE_PARSE_TIMEOUT_MS", "GRACE_PARSE_MAX_TEXT_BYTES", "GRACE_PARSE_MAX_DEPTH", "GRACE_PARSE_PRLIMIT"];

describe("untrusted files", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  afterEach(() => {
    for (const name of SETTINGS) delete process.env[name];
  });

  /** Uploads, calling the health handler over and over until the upload answers. */
  async function uploadWhileCheckingHealth(filename: string, content: string | Uint8Array) {
    let finished = false;
    const uploading = upload(token, filename, content).finally(() => (finished = true));
    let answeredMeanwhile = 0;
    while (!finished) {
      // SQLite answers synchronously: yield to the event loop as a server between requests would.
      await new Promise((resolve) => setImmediate(resolve));
      const res = await call(health.GET, { path: "/api/health" });
      expect(res.status).toBe(200);
      if (!finished) answeredMeanwhile += 1;
    }
    return { res: await uploading, answeredMeanwhile };
  }

  it("a 400 KB PDF whose stream inflates to 400 MB is a 422 naming the memory limit; /api/health answers throughout", async () => {
    const bomb = await makeInflatingPdf(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await db.knowledgeArtifact.count();
    const { res, answeredMeanwhile } = await uploadWhileCheckingHealth("bomb.pdf", bomb);
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: "body.file", message: "needs more than 256 MB of memory to parse (the limit)" }]);
    // Health answers completed while the bomb was being parsed: the event loop stayed free.
    expect(answeredMeanwhile).toBeGreaterThan(0);
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });

  it("HTML nested 100,000 <div>s deep is a 422 naming the depth limit, checked before parsing", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}deep${"</div>".repeat(100_000)}</body></html>`;
    const { res, answeredMeanwhile } = await uploadWhileCheckingHealth("deep.html", html);
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: "body.file", message: "nests deeper than 1000 levels (the limit)" }]);
    expect(answeredMeanwhile).toBeGreaterThan(0);
  });

  it("JSON nested 100,000 deep is a 422 naming the depth limit", async () => {
    const res = await upload(token, "deep.json", `${'{"a":['.repeat(50_000)}1${"]}".repeat(50_000)}`);
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: "body.file", message: "nests deeper than 1000 levels (the limit)" }]);
    const arrays = await upload(token, "arrays.json", `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(arrays.json.error.fields[0].message).toBe("nests deeper than 1000 levels (the limit)");
  });

  it("every limit is a setting, and each is named when it is hit", async () => {
    process.env.GRACE_PARSE_MAX_DEPTH = "3";
    expect((await upload(token, "four.json", '{"a":{"b":{"c":{"d":1}}}}')).json.error.fields[0].message).toBe("nests deeper than 3 levels (the limit)");
    expect((await upload(token, "three.json", '{"a":{"b":{"c":"[[[[{{{"}}}')).status).toBe(201); // brackets in strings do not nest
    expect((await upload(token, "four.html", "<div><div><div><div>x</div></div></div></div>")).json.error.fields[0].message).toBe("nests deeper than 3 levels (the limit)");
    // Implied ends and void elements nest as the parser sees them: this is two deep.
    expect((await upload(token, "flat.html", `<p>${"one<p>two<br><img src=x><p>".repeat(2000)}end`)).status).toBe(201);
    delete process.env.GRACE_PARSE_MAX_DEPTH;

    process.env.GRACE_PARSE_MAX_TEXT_BYTES = "2048";
    expect((await upload(token, "long.html", `<p>${"many words of text ".repeat(200)}</p>`)).json.error.fields[0].message).toBe("has more than 2 KB of text (the limit)");
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} of a long report about tide mills and their wheels`);
    expect((await upload(token, "long.pdf", makePdf(lines))).json.error.fields[0].message).toBe("has more than 2 KB of text (the limit)");
    delete process.env.GRACE_PARSE_MAX_TEXT_BYTES;

    // Closing tags that match nothing make the parser search the open elements each time:
    // 999 open elements and 2.4 million stray closes (9.6 MB) take the child seconds of CPU.
    const slow = `${"<div>".repeat(999)}${"</i>".repeat(2_400_000)}`;
    process.env.GRACE_PARSE_CPU_SECONDS = "1";
    expect((await upload(token, "slow.html", slow)).json.error.fields).toEqual([{ field: "body.file", message: "needs more than 1 s of CPU time to parse (the limit)" }]);
    delete process.env.GRACE_PARSE_CPU_SECONDS;
    process.env.GRACE_PARSE_TIMEOUT_MS = "200";
    expect((await upload(token, "slow.htm", slow)).json.error.fields).toEqual([{ field: "body.file", message: "took more than 200 ms to parse (the limit)" }]);
    delete process.env.GRACE_PARSE_TIMEOUT_MS;

    // Enough to parse an ordinary PDF, not enough to inflate 200 MB.
    process.env.GRACE_PARSE_MEMORY_MB = "192";
    expect((await upload(token, "small.pdf", makePdf("Tide mills store the flood in a pond."))).status).toBe(201);
    expect((await upload(token, "bomb.pdf", await makeInflatingPdf(200))).json.error.fields[0].message).toBe("needs more than 192 MB of memory to parse (the limit)");
  });

  it("without prlimit nothing is parsed: 503 saying what is missing", async () => {
    process.env.GRACE_PARSE_PRLIMIT = "/nonexistent/prlimit";
    const res = await upload(token, "fine.json", '{"ok": true}');
    expect(res.status).toBe(503);
    expect(res.json.error.message).toMatch(/prlimit \(util-linux\) is missing/);
    // Plain text needs no parser, so it is still accepted.
    expect((await upload(token, "fine.txt", "Plain text about prlimit-free uploads.")).status).toBe(201);
  });

  it("pages fetched for URL ingestion go through the same limits", async () => {
    process.env.GRACE_ALLOW_PRIVATE_URLS = "1";
    const server = await startWebServer({
      "/bomb.pdf": page(200, "application/pdf", Buffer.from(await makeInflatingPdf(400))),
      "/deep.html": page(200, "text/html; charset=utf-8", `<title>Deep</title>${"<div>".repeat(100_000)}`),
      "/deep.json": page(200, "application/json", "[".repeat(100_000)),
    });
    try {
      const fetchIt = (path: string) => ingestUrl({ payload: { url: server.url(path), domain: "web", visibility: "shared", user_id: user.id, trust_score: 100 }, db });
      await expect(fetchIt("/bomb.pdf")).rejects.toMatchObject({ name: "UrlRefusedError", message: "needs more than 256 MB of memory to parse (the limit)" });
      await expect(fetchIt("/deep.html")).rejects.toMatchObject({ name: "UrlRefusedError", message: "nests deeper than 1000 levels (the limit)" });
      await expect(fetchIt("/deep.json")).rejects.toMatchObject({ name: "UrlRefusedError", message: "nests deeper than 1000 levels (the limit)" });
    } finally {
      await server.close();
      delete process.env.GRACE_ALLOW_PRIVATE_URLS;
    }
  });

  it("ordinary PDF, HTML and JSON files still ingest", async () => {
    const pdf = await upload(token, "ok.pdf", makePdf("The Skellig puffins nest in burrows."));
    const html = await upload(token, "ok.html", "<title>Bogs</title><p>Raised bogs grow a millimetre a year.</p>");
    const json = await upload(token, "ok.json", '{"loch": "Ness", "depth_m": 230}');
    expect([pdf.status, html.status, json.status]).toEqual([201, 201, 201]);
    const version = await db.knowledgeArtifactVersion.findFirstOrThrow({ where: { artifactId: html.json.artifact_id } });
    expect(version.content).toContain("Raised bogs grow a millimetre a year.");
  });
});
