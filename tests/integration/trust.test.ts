import { describe, expect, it } from "vitest";
import * as score from "../../app/api/trust/score/route";
import * as sources from "../../app/api/trust/sources/route";
import * as source from "../../app/api/trust/sources/[id]/route";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("trust scores", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const adminToken = await tokenFor(admin);
  const token = await tokenFor(alice);
  const scoreOf = async (url: string) => (await call(score.GET, { bearer: token, path: `/api/trust/score?url=${encodeURIComponent(url)}` })).json;

  it.each([
    ["https://python.org/doc", 95, "auto"],
    ["https://docs.python.org/3/library/", 95, "auto"],
    ["https://arxiv.org/abs/1234", 90, "auto"],
    ["https://en.wikipedia.org/wiki/Trust", 80, "auto"],
    ["https://stackoverflow.com/questions/1", 75, "auto"],
    ["https://github.com/prisma/prisma", 70, "auto"],
    ["http://localhost:8080/page", 50, "review"], // not a listed source in production (the tests list it where they need it)
    ["https://bit.ly/abc", 20, "block"],
    ["https://tinyurl.com/xyz", 20, "block"],
    ["https://t.co/abc", 20, "block"],
    ["https://www.nasa.gov/", 85, "auto"],
    ["https://www.gov.uk/guidance", 85, "auto"],
    ["https://web.mit.edu/", 85, "auto"],
    ["https://www.example.org/", 70, "auto"],
    ["https://example.com/post", 50, "review"],
    ["https://docs.github.com/en", 85, "auto"],
  ] as const)("%s scores %i (%s)", async (url, expected, rec) => {
    const s = await scoreOf(url);
    expect(s).toMatchObject({ url, trust_score: expected, recommendation: rec, auto_approve: expected >= 70 });
  });

  it("refuses URLs that are not http(s)", async () => {
    const res = await call(score.GET, { bearer: token, path: "/api/trust/score?url=ftp%3A%2F%2Fexample.com" });
    expect(res.status).toBe(422);
    expect(res.json.error.fields[0]).toEqual({ field: "query.url", message: "must be an http or https URL" });
  });

  it("lets an admin list, add, change and remove sources, audited, with the cache dropped at once", async () => {
    expect(await scoreOf("https://blog.example.net/x")).toMatchObject({ trust_score: 50 });
    expect((await call(sources.POST, { bearer: token, body: { domain: "example.net", trust_score: 88 } })).status).toBe(403);
    const created = await call(sources.POST, { bearer: adminToken, body: { domain: "Example.NET", trust_score: 88, category: "blogs" } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ domain: "example.net", trust_score: 88, category: "blogs" });
    const twice = await call(sources.POST, { bearer: adminToken, body: { domain: "example.net", trust_score: 10 } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toMatch(/example\.net is already a listed source/);
    expect(await scoreOf("https://blog.example.net/x")).toMatchObject({ trust_score: 88, basis: "inherited from listed source example.net" });
    const changed = await call(source.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(created.json.id) }, body: { trust_score: 30 } });
    expect(changed.json.trust_score).toBe(30);
    expect((await scoreOf("https://blog.example.net/x")).recommendation).toBe("block");
    expect((await call(source.DELETE, { bearer: adminToken, method: "DELETE", params: { id: String(created.json.id) } })).status).toBe(204);
    expect((await scoreOf("https://blog.example.net/x")).trust_score).toBe(50);
    const actions = (await db.logEntry.findMany({ where: { subsystem: "trust" } })).map((e) => e.action);
    expect(actions).toEqual(["trust.source.create", "trust.source.update", "trust.source.delete"]);
    const list = await call(sources.GET, { bearer: token, path: "/api/trust/sources?limit=100" });
    expect(list.json.map((s: { domain: string }) => s.domain)).toEqual(expect.arrayContaining(["python.org", "nodejs.org"]));
    expect(list.json.map((s: { domain: string }) => s.domain)).not.toContain("localhost");
    const bad = await call(sources.POST, { bearer: adminToken, body: { domain: "not a host", trust_score: 120 } });
    expect(bad.json.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["body.domain", "body.trust_score"]);
  });
});
