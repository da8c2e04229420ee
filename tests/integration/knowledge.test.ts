import { describe, expect, it } from "vitest";
import * as ingestText from "../../app/api/ingest/text/route";
import * as legacyIngest from "../../app/api/knowledge/ingest/route";
import * as search from "../../app/api/knowledge/search/route";
import * as artifacts from "../../app/api/knowledge/artifacts/route";
import * as legacyArtifacts from "../../app/api/ingest/artifacts/route";
import { chunkText } from "../../lib/knowledge/chunk";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("knowledge: text ingestion, dedup and search", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const a = await tokenFor(alice);
  const b = await tokenFor(bob);

  it("ingests text as an approved, versioned, indexed artifact, audited", async () => {
    const res = await call(ingestText.POST, { bearer: a, body: { title: "Tide Tables", content: "The harbour tide peaks at 14:05 on Tuesdays.\n\nBoats leave an hour later.", domain: "Sailing", tags: ["sea"] } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "ingested", artifact_id: expect.any(Number), path: "sailing/text/tide-tables", trust_score: 75 });
    const artifact = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: res.json.artifact_id }, include: { versions: true, chunks: true } });
    expect(artifact).toMatchObject({ ownerId: alice.id, status: "approved", visibility: "shared", version: 1, source: "manual", domain: "sailing" });
    expect(artifact.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(artifact.versions).toHaveLength(1);
    expect(artifact.chunks.map((c) => c.content)).toEqual(["The harbour tide peaks at 14:05 on Tuesdays.", "Boats leave an hour later."]);
    expect(await db.logEntry.count({ where: { action: "knowledge.ingest", resource: `artifact:${artifact.id}` } })).toBe(1);
  });

  it("returns the existing artifact for the same content in the same scope, and stores nothing", async () => {
    const first = await call(ingestText.POST, { bearer: a, body: { title: "Once", content: "Duplicate detection works on normalised content." } });
    const before = await db.knowledgeArtifact.count();
    const again = await call(ingestText.POST, { bearer: b, body: { title: "Twice", content: "Duplicate detection works on normalised content.  \r\n" } });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ status: "duplicate", artifact_id: first.json.artifact_id });
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });

  it("keeps private scopes apart: a copy of someone's private artifact is stored anew and reveals nothing", async () => {
    const secret = await call(ingestText.POST, { bearer: a, body: { title: "Diary", content: "My locker code is 4417 and zebras are purple.", visibility: "private" } });
    expect(secret.status).toBe(201);
    const copy = await call(ingestText.POST, { bearer: b, body: { title: "Guess", content: "My locker code is 4417 and zebras are purple.", visibility: "private" } });
    expect(copy.status).toBe(201);
    expect(copy.json.artifact_id).not.toBe(secret.json.artifact_id);
    const asAlice = await call(search.POST, { bearer: a, body: { query: "zebras purple locker" } });
    expect(asAlice.json.results.map((r: { artifact_id: number }) => r.artifact_id)).toEqual([secret.json.artifact_id]);
    const bobList = await call(artifacts.GET, { bearer: b, path: "/api/knowledge/artifacts?limit=100" });
    expect(bobList.json.items.map((i: { id: number }) => i.id)).not.toContain(secret.json.artifact_id);
  });

  it("gives a clashing path a suffix instead of failing", async () => {
    const one = await call(ingestText.POST, { bearer: a, body: { title: "Notes", content: "first notes" } });
    const two = await call(ingestText.POST, { bearer: a, body: { title: "Notes", content: "second notes" } });
    expect(one.json.path).toBe("general/text/notes");
    expect(two.json.path).toBe("general/text/notes-2");
  });

  it("searches with ranking and highlighted, escaped snippets", async () => {
    await call(ingestText.POST, { bearer: a, body: { title: "Compilers", content: "A <b>parser</b> turns tokens into a syntax tree. Parsers parse; parsing is fun." } });
    await call(ingestText.POST, { bearer: a, body: { title: "Gardening", content: "Tomatoes need sun. A parser is not needed in the garden." } });
    const res = await call(search.POST, { bearer: b, body: { query: "how does a parser build the syntax tree?", limit: 5 } });
    expect(res.status).toBe(200);
    expect(res.json.count).toBeGreaterThanOrEqual(2);
    const top = res.json.results[0];
    expect(top.title).toBe("Compilers");
    expect(top.snippet).not.toContain("<b>"); // escaped (SQLite) or dropped as markup (PostgreSQL)
    expect(top.snippet).toMatch(/<mark>[Pp]arser<\/mark>/);
    expect(top).toMatchObject({ trust_score: 75, path: "general/text/compilers", category: "general" });
    expect(res.json.results[0].score).toBeGreaterThanOrEqual(res.json.results[1].score);
    expect((await call(search.POST, { bearer: b, body: { query: "the and of" } })).json).toEqual({ results: [], count: 0 });
  });

  it("leaves words found in too many passages out of the any-word fallback", async () => {
    process.env.GRACE_SEARCH_COMMON_TERM_PASSAGES = "3";
    try {
      for (let i = 0; i < 5; i++) await call(ingestText.POST, { bearer: a, body: { title: `Quay ${i}`, content: `The quayside crane number ${i} lifts containers.` } });
      await call(ingestText.POST, { bearer: a, body: { title: "Okapi", content: "The okapi is a giraffid of the Ituri forest." } });
      // No passage has all three words, so the fallback runs: "quayside" is in five passages
      // (over the cap of three) and drops out; the rare words decide.
      const res = await call(search.POST, { bearer: b, body: { query: "quayside okapi forest", limit: 10 } });
      expect(res.json.results.map((r: { title: string }) => r.title)).toEqual(["Okapi"]);
      // When every word is common, the rarest one still searches.
      const common = await call(search.POST, { bearer: b, body: { query: "quayside containers nowhere", limit: 10 } });
      expect(common.json.count).toBe(5);
    } finally {
      delete process.env.GRACE_SEARCH_COMMON_TERM_PASSAGES;
    }
  });

  it("keeps the earlier knowledge API working on the same store", async () => {
    const res = await call(legacyIngest.POST, { bearer: a, body: { content: "Legacy clients store facts about volcanoes here.", source: "cli", category: "geology" } });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ status: "ingested", id: expect.any(Number) });
    const found = await call(search.POST, { bearer: a, body: { query: "volcanoes", limit: 3 } });
    expect(found.json.results[0]).toMatchObject({ id: res.json.id, category: "geology" });
    const list = await call(legacyArtifacts.GET, { bearer: a, path: "/api/ingest/artifacts?domain=geology" });
    expect(list.json).toHaveLength(1);
    expect(list.json[0]).toMatchObject({ id: res.json.id, domain: "geology", type: "text", source: "legacy" });
  });

  it("refuses bad input with 422 naming the field and stores nothing", async () => {
    const before = await db.knowledgeArtifact.count();
    const res = await call(ingestText.POST, { bearer: a, body: { title: "", content: "", domain: "no spaces allowed" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.content", "body.domain", "body.title"]);
    expect((await call(search.POST, { bearer: a, body: { query: "" } })).status).toBe(422);
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });
});

describe("chunking", () => {
  it("splits long paragraphs at sentence ends into passages of at most ~800 characters", () => {
    const sentence = "This sentence is about fifty characters long, ok. ";
    const chunks = chunkText(sentence.repeat(40));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 800)).toBe(true);
    expect(chunks.join(" ").replace(/\s+/g, " ").trim()).toBe(sentence.repeat(40).trim());
  });
});

describe("one artifact with its passages, versions and provenance", async () => {
  const { GET } = await import("../../app/api/knowledge/artifacts/[id]/route");
  const owner = await createUser();
  const other = await createUser();
  const token = await tokenFor(owner);

  it("shows the owner's private artifact to the owner only", async () => {
    const made = await call(ingestText.POST, { bearer: token, body: { title: "Private plan", content: "Step one.\n\nStep two.", visibility: "private" } });
    const res = await call(GET, { bearer: token, params: { id: String(made.json.artifact_id) } });
    expect(res.json).toMatchObject({ title: "Private plan", visibility: "private", version: 1, provenance: { source: "manual", uploaded_by: owner.username } });
    expect(res.json.passages.map((p: { content: string }) => p.content)).toEqual(["Step one.", "Step two."]);
    expect(res.json.versions).toEqual([{ version: 1, content_hash: res.json.provenance.content_hash, reason: "ingested", created_at: expect.any(String) }]);
    expect((await call(GET, { bearer: await tokenFor(other), params: { id: String(made.json.artifact_id) } })).status).toBe(404);
  });
});

describe("editing, deleting and browsing artifacts", async () => {
  const { GET, PATCH, DELETE } = await import("../../app/api/knowledge/artifacts/[id]/route");
  const tree = await import("../../app/api/memory/tree/route");
  const owner = await createUser();
  const other = await createUser();
  const admin = await createUser({ role: "admin" });
  const token = await tokenFor(owner);
  const otherToken = await tokenFor(other);

  it("makes a new version on a content edit, keeps the history, and searches only the current text", async () => {
    const made = await call(ingestText.POST, { bearer: token, body: { title: "Opening hours", content: "The museum opens at nine on weekdays.", domain: "town" } });
    const id = String(made.json.artifact_id);
    expect((await call(PATCH, { bearer: otherToken, method: "PATCH", params: { id }, body: { content: "hacked" } })).status).toBe(403);
    const edited = await call(PATCH, { bearer: token, method: "PATCH", params: { id }, body: { content: "The museum opens at ten on weekdays.", reason: "new hours" } });
    expect(edited.status).toBe(200);
    expect(edited.json.version).toBe(2);
    expect(edited.json.versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([[2, "new hours"], [1, "ingested"]]);
    expect(edited.json.passages.map((p: { content: string }) => p.content)).toEqual(["The museum opens at ten on weekdays."]);
    const found = await call(search.POST, { bearer: token, body: { query: "museum opens" } });
    expect(found.json.results.filter((r: { artifact_id: number }) => r.artifact_id === Number(id)).map((r: { content: string }) => r.content)).toEqual(["The museum opens at ten on weekdays."]);
    expect((await call(PATCH, { bearer: await tokenFor(admin), method: "PATCH", params: { id }, body: { title: "Museum hours" } })).json.title).toBe("Museum hours");
    expect(await db.logEntry.count({ where: { action: "knowledge.update", resource: `artifact:${id}` } })).toBe(2);
  });

  it("deletes (owner or admin): gone from search, lists and the tree, and the same content can come back", async () => {
    const made = await call(ingestText.POST, { bearer: token, body: { title: "Old flyer", content: "Quasar bakery sells rye on Fridays.", domain: "town" } });
    const id = String(made.json.artifact_id);
    const browse = await call(tree.GET, { bearer: token, path: "/api/memory/tree?domain=town" });
    expect(browse.json.tree.town.text.map((a: { id: number }) => a.id)).toContain(Number(id));
    expect((await call(DELETE, { bearer: otherToken, method: "DELETE", params: { id } })).status).toBe(403);
    expect((await call(DELETE, { bearer: token, method: "DELETE", params: { id } })).status).toBe(204);
    expect((await call(GET, { bearer: token, params: { id } })).status).toBe(404);
    expect((await call(search.POST, { bearer: token, body: { query: "quasar bakery rye" } })).json.count).toBe(0);
    expect((await call(tree.GET, { bearer: token, path: "/api/memory/tree?domain=town" })).json.flat_list.map((a: { id: number }) => a.id)).not.toContain(Number(id));
    const again = await call(ingestText.POST, { bearer: token, body: { title: "Old flyer", content: "Quasar bakery sells rye on Fridays.", domain: "town" } });
    expect(again.status).toBe(201);
    expect(await db.logEntry.count({ where: { action: "knowledge.delete", resource: `artifact:${id}` } })).toBe(1);
  });
});
