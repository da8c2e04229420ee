import { describe, expect, it } from "vitest";
import * as ingestText from "../../app/api/ingest/text/route";
import * as artifact from "../../app/api/knowledge/artifacts/[id]/route";
import * as version from "../../app/api/knowledge/artifacts/[id]/versions/[version]/route";
import { call, createUser, tokenFor } from "../helpers/api";

describe("reading an artifact's earlier versions", async () => {
  const owner = await createUser();
  const other = await createUser();
  const token = await tokenFor(owner);
  const otherToken = await tokenFor(other);
  const add = (body: Record<string, unknown>) => call(ingestText.POST, { bearer: token, body });

  it("keeps version 1 readable after an edit makes version 2", async () => {
    const made = await add({ title: "Ferry times", content: "The ferry leaves at 8:15.\n\nThe last one is at 19:40." });
    const id = String(made.json.artifact_id);
    const edited = await call(artifact.PATCH, { bearer: token, method: "PATCH", params: { id }, body: { content: "The ferry leaves at 8:30.", reason: "summer timetable" } });
    expect(edited.json.version).toBe(2);

    const v1 = await call(version.GET, { bearer: otherToken, params: { id, version: "1" } });
    expect(v1.status).toBe(200);
    expect(v1.json).toEqual({
      version: 1,
      content: "The ferry leaves at 8:15.\n\nThe last one is at 19:40.",
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      reason: "ingested",
      created_at: expect.any(String),
      created_by: owner.username,
    });
    const v2 = await call(version.GET, { bearer: token, params: { id, version: "2" } });
    expect(v2.json).toMatchObject({ version: 2, content: "The ferry leaves at 8:30.", reason: "summer timetable", created_by: owner.username });
    expect(v2.json.content_hash).toBe(edited.json.provenance.content_hash);
  });

  it("answers 404 for another user's private artifact, an unknown version and a deleted artifact", async () => {
    const secret = await add({ title: "Safe combination", content: "Left 12, right 40, left 7.", visibility: "private" });
    const id = String(secret.json.artifact_id);
    expect((await call(version.GET, { bearer: token, params: { id, version: "1" } })).status).toBe(200);
    expect((await call(version.GET, { bearer: otherToken, params: { id, version: "1" } })).status).toBe(404);
    expect((await call(version.GET, { bearer: token, params: { id, version: "2" } })).status).toBe(404);
    expect((await call(version.GET, { bearer: token, params: { id: "999999", version: "1" } })).status).toBe(404);

    expect((await call(artifact.DELETE, { bearer: token, method: "DELETE", params: { id } })).status).toBe(204);
    expect((await call(version.GET, { bearer: token, params: { id, version: "1" } })).status).toBe(404);
  });

  it("refuses a malformed version with 422 naming it", async () => {
    const res = await call(version.GET, { bearer: token, params: { id: "1", version: "latest" } });
    expect(res.status).toBe(422);
    expect(res.json.error.fields.map((f: { field: string }) => f.field)).toEqual(["params.version"]);
  });
});
