import { describe, expect, it } from "vitest";
import * as item from "../../app/api/memory/item/[...path]/route";
import * as items from "../../app/api/memory/items/route";
import * as itemById from "../../app/api/memory/items/[id]/route";
import * as domains from "../../app/api/memory/domains/route";
import * as exporter from "../../app/api/memory/export/route";
import * as importer from "../../app/api/memory/import/route";
import * as ingest from "../../app/api/ingest/text/route";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { dropLogTriggers } from "../helpers/database";

describe("the earlier API's memory items", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const aliceToken = await tokenFor(alice);
  const bobToken = await tokenFor(bob);

  it("creates an item at the path it names, reads it back by path with a verified trail, and edits it", async () => {
    const created = await call(items.POST, { bearer: aliceToken, body: { path: "research/ai/notes.md", content: "Transformers use attention.", domain: "research", category: "notes", reason: "first draft" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ path: "research/ai/notes.md", security_alerts: 0 });
    expect((await call(items.POST, { bearer: bobToken, body: { path: "research/ai/notes.md", content: "Something else entirely." } })).status).toBe(409);

    const patched = await call(itemById.PATCH, { bearer: aliceToken, params: { id: String(created.json.id) }, body: { content: "Transformers use self-attention.", reason: "precise" } });
    expect(patched.json).toEqual({ success: true, security_alerts: 0 });
    // Another user may read a shared item but not change it (the earlier API let anyone).
    expect((await call(itemById.PATCH, { bearer: bobToken, params: { id: String(created.json.id) }, body: { content: "vandalised" } })).status).toBe(403);

    const got = await call(item.GET, { bearer: bobToken, params: { path: ["research", "ai", "notes.md"] } as never });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: created.json.id, path: "research/ai/notes.md", content: "Transformers use self-attention.", domain: "research", category: "notes", version: 2, created_by: alice.username });
    expect(got.json.audit_trail.map((e: { operation: string }) => e.operation)).toEqual(["knowledge.update", "knowledge.ingest"]);
    expect(got.json.chain_verification).toEqual({ valid: true, operations_verified: 2 });
  });

  it("says when an item's trail was tampered with", async () => {
    const created = await call(items.POST, { bearer: aliceToken, body: { path: "research/tamper.md", content: "Original words." } });
    await dropLogTriggers();
    await db.$executeRawUnsafe(`UPDATE "LogEntry" SET "actor" = 'mallory' WHERE "resource" = 'artifact:${created.json.id}'`);
    const got = await call(item.GET, { bearer: aliceToken, params: { path: ["research", "tamper.md"] } as never });
    expect(got.json.chain_verification).toMatchObject({ valid: false });
  });

  it("keeps private items private and refuses paths outside the rules", async () => {
    const mine = await call(ingest.POST, { bearer: aliceToken, body: { title: "Diary", content: "Private thoughts.", visibility: "private" } });
    const path = (await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: mine.json.artifact_id } })).path;
    expect((await call(item.GET, { bearer: aliceToken, params: { path: path.split("/") } as never })).status).toBe(200);
    expect((await call(item.GET, { bearer: bobToken, params: { path: path.split("/") } as never })).status).toBe(404);
    for (const bad of ["../etc/passwd", "a//b", "@u1/mine", "with space/x"]) {
      const res = await call(items.POST, { bearer: aliceToken, body: { path: bad, content: "x y z" } });
      expect(res.status, bad).toBe(422);
      expect(res.json.error.fields[0].field).toBe("body.path");
    }
  });

  it("lists domains with their categories, over what the caller may read", async () => {
    const res = await call(domains.GET, { bearer: bobToken });
    expect(res.json.domains.research).toMatchObject({ categories: expect.arrayContaining(["notes"]) });
    expect(res.json.domains.research.count).toBeGreaterThanOrEqual(1);
  });

  it("exports a user's knowledge with every version, and an import takes it back once", async () => {
    const carol = await createUser();
    const carolToken = await tokenFor(carol);
    const first = await call(items.POST, { bearer: carolToken, body: { path: "carol/recipe.md", content: "Flour, water, salt.", domain: "cooking" } });
    await call(itemById.PATCH, { bearer: carolToken, params: { id: String(first.json.id) }, body: { content: "Flour, water, salt, yeast.", reason: "it did not rise" } });
    await call(ingest.POST, { bearer: carolToken, body: { title: "Secret sauce", content: "Mostly garlic.", domain: "cooking", visibility: "private" } });

    const exported = await call(exporter.POST, { bearer: carolToken, body: ["cooking"] });
    expect(exported.status).toBe(200);
    expect(exported.json).toMatchObject({ format: "grace.knowledge.v1", exported_by: carol.username, artifact_count: 2, domains: ["cooking"], next_cursor: null });
    const recipe = exported.json.artifacts.find((a: { title: string }) => a.title === "recipe.md");
    expect(recipe.versions.map((v: { content: string }) => v.content)).toEqual(["Flour, water, salt.", "Flour, water, salt, yeast."]);

    // Carol's private sauce goes to Dave as his own private artifact; the shared recipe is
    // already shared here, so it is a duplicate.
    const dave = await createUser();
    const daveToken = await tokenFor(dave);
    const imported = await call(importer.POST, { bearer: daveToken, body: exported.json });
    expect(imported.status).toBe(200);
    expect(imported.json).toMatchObject({ imported: 1, duplicates: 1, conflicts: 0 });
    const sauce = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: imported.json.items.find((i: { status: string }) => i.status === "imported").artifact_id } });
    expect(sauce).toMatchObject({ ownerId: dave.id, visibility: "private", domain: "cooking", path: `@u${dave.id}/cooking/text/secret-sauce` });
    const again = await call(importer.POST, { bearer: daveToken, body: exported.json });
    expect(again.json).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it("refuses a document that is not an export", async () => {
    const before = await db.knowledgeArtifact.count();
    const res = await call(importer.POST, { bearer: aliceToken, body: { artifacts: [] } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields[0].field).toBe("body.format");
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });
});
