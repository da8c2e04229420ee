import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestUrl from "../../app/api/ingest/url/route";
import * as approvals from "../../app/api/governance/approvals/route";
import * as decision from "../../app/api/governance/approvals/[id]/decision/route";
import * as search from "../../app/api/knowledge/search/route";
import * as trustSources from "../../app/api/trust/sources/route";
import { Executor } from "../../workers/executor";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { makePdf } from "../helpers/pdf";
import { page, startWebServer } from "../helpers/web-server";

process.env.GRACE_QUEUE_POLL_MS = "20";
process.env.GRACE_JOB_BACKOFF_MS = "50";

// Redirects to private addresses are tested in tests/unit/safe-fetch.test.ts with a policy
// that allows only the test server: here every local address is allowed, and following a
// redirect to 169.254.169.254 would really reach the machine's metadata service.
// Hosts and their scores: localhost is listed here as a source (100, auto-ingested: this
// file's fixture, not a production setting); 127.0.0.1 is an unknown host (50, held for
// approval); bit.ly is a shortener (20, blocked).
describe("URL ingestion", async () => {
  const server = await startWebServer({
    "/guide.html": page(200, "text/html; charset=utf-8", "<html><head><title>Otter field guide</title><script>var leak = 1;</script></head><body><h1>Otters</h1><p>Sea otters hold hands while sleeping so they do not drift apart.</p></body></html>"),
    "/notes.txt": page(200, "text/plain", "Axolotls regrow their limbs, hearts and parts of their brains."),
    "/paper.pdf": page(200, "application/pdf", Buffer.from(makePdf("Tardigrades survive the vacuum of space."))),
    "/data.json": page(200, "application/json", '{"glacier": "Perito Moreno", "advancing": true}'),
    "/image.png": page(200, "image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    "/missing": page(404, "text/plain", "gone"),
    "/pending.html": page(200, "text/html", "<title>Quokka facts</title><p>Quokkas carry joeys in a pouch on Rottnest Island.</p>"),
    "/rejected.html": page(200, "text/html", "<title>Rejected</title><p>The pangolin ledger must never be ingested.</p>"),
  });
  const executor = new Executor({ workerId: "url-test", concurrency: 2, log: () => {} });
  executor.start();
  afterAll(async () => {
    await executor.stop(0);
    await server.close();
  });
  beforeEach(() => {
    process.env.GRACE_ALLOW_PRIVATE_URLS = "1";
  });

  const admin = await createUser({ role: "admin" });
  const adminToken = await tokenFor(admin);
  expect((await call(trustSources.POST, { bearer: adminToken, body: { domain: "localhost", trust_score: 100, category: "local", description: "the tests' web server" } })).status).toBe(201);
  const user = await createUser();
  const token = await tokenFor(user);
  const other = await createUser();
  const otherToken = await tokenFor(other);
  const post = (body: unknown, bearer = token) => call(ingestUrl.POST, { bearer, body });
  const find = async (q: string) => (await call(search.POST, { bearer: token, body: { query: q, limit: 3 } })).json.results;

  it.each([
    ["/guide.html", "Otter field guide", "otters hold hands", "text/html"],
    ["/notes.txt", "notes.txt", "axolotls regrow", "text/plain"],
    ["/paper.pdf", "paper.pdf", "tardigrades vacuum", "application/pdf"],
    ["/data.json", "data.json", "Perito Moreno", "application/json"],
  ])("a trusted source (localhost, 100) is fetched by the worker and ingested: %s", async (path, title, query, mime) => {
    const url = server.url(path, "localhost");
    const res = await post({ url, domain: "field" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "ingested", url, trust_score: 100, verified: true, title });
    const artifact = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: res.json.artifact_id } });
    expect(artifact).toMatchObject({ source: "url", sourceUrl: url, artifactType: "url", trustScore: 100, ownerId: user.id, domain: "field", mimeType: mime, title });
    expect((await find(query))[0].artifact_id).toBe(artifact.id);
    const job = await db.job.findUniqueOrThrow({ where: { id: res.json.job_id } });
    expect(job).toMatchObject({ kind: "url_ingest", status: "completed", createdById: user.id });
  });

  it("keeps only the readable text of a page and dedups the same page", async () => {
    const url = server.url("/guide.html", "localhost");
    const again = await post({ url });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("duplicate");
    const version = await db.knowledgeArtifactVersion.findFirstOrThrow({ where: { artifactId: again.json.artifact_id } });
    expect(version.content).toContain("Sea otters hold hands while sleeping");
    expect(version.content).not.toContain("leak");
  });

  it("a page that cannot be ingested is a 422 naming the URL, and nothing is stored", async () => {
    const before = await db.knowledgeArtifact.count();
    const png = await post({ url: server.url("/image.png", "localhost") });
    expect(png.status).toBe(422);
    expect(png.json.error.fields[0]).toMatchObject({ field: "body.url", message: expect.stringContaining("content type image/png") });
    const missing = await post({ url: server.url("/missing", "localhost") });
    expect(missing.status).toBe(422);
    expect(missing.json.error.message).toMatch(/answered 404/);
    expect(await db.knowledgeArtifact.count()).toBe(before);
  });

  it("refuses private addresses unless GRACE_ALLOW_PRIVATE_URLS=1, before queueing anything", async () => {
    delete process.env.GRACE_ALLOW_PRIVATE_URLS;
    const jobs = await db.job.count();
    for (const url of [server.url("/notes.txt", "localhost"), "http://2130706433/", "http://0177.0.0.1/", "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://169.254.169.254/latest/meta-data/"]) {
      const res = await post({ url });
      expect(res.status, url).toBe(422);
      expect(res.json.error.fields[0].field).toBe("body.url");
      expect(res.json.error.message).toMatch(/private, loopback or link-local/);
    }
    expect(await db.job.count()).toBe(jobs);
  });

  it("bad URLs are a 422 naming the field", async () => {
    for (const url of ["", "not a url", "ftp://example.com/file", "file:///etc/passwd"]) {
      const res = await post({ url });
      expect(res.status, url).toBe(422);
      expect(res.json.error.fields[0].field).toBe("body.url");
    }
    expect((await post({})).json.error.fields[0].field).toBe("body.url");
  });

  it("a low-trust source (< 40) is refused with 403 naming the score", async () => {
    const res = await post({ url: "https://bit.ly/3abcdef" });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/trust score 20/);
  });

  it("40–69 is held for an admin; approving really fetches and ingests it", async () => {
    const url = server.url("/pending.html");
    const res = await post({ url });
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ status: "pending_approval", trust_score: 50, url });
    const id = res.json.approval_id as number;
    expect(await db.knowledgeArtifact.count({ where: { sourceUrl: url } })).toBe(0);
    // Asking again while it waits does not file a second request.
    expect((await post({ url })).json.approval_id).toBe(id);

    // The requester sees their own request; another user does not; the admin sees all.
    const own = await call(approvals.GET, { bearer: token, path: "/api/governance/approvals?status=pending" });
    expect(own.json.items.map((a: { id: number }) => a.id)).toContain(id);
    expect((await call(approvals.GET, { bearer: otherToken })).json.items.map((a: { id: number }) => a.id)).not.toContain(id);
    const listed = (await call(approvals.GET, { bearer: adminToken, path: "/api/governance/approvals?status=pending" })).json.items.find((a: { id: number }) => a.id === id);
    expect(listed).toMatchObject({ action_type: "url_ingest", resource: url, status: "pending", trust_score: 50, requested_by: user.username });

    // Only an admin decides.
    expect((await call(decision.POST, { bearer: token, params: { id: String(id) }, body: { decision: "approve" } })).status).toBe(403);
    const decided = await call(decision.POST, { bearer: adminToken, params: { id: String(id) }, body: { decision: "approve", reason: "reviewed" } });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({ status: "approved", decided_by: admin.username, decision_reason: "reviewed" });

    await expect.poll(async () => (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status, { timeout: 20_000 }).toBe("executed");
    const artifact = await db.knowledgeArtifact.findFirstOrThrow({ where: { sourceUrl: url } });
    expect(artifact).toMatchObject({ title: "Quokka facts", trustScore: 50, ownerId: user.id, source: "url" });
    expect((await find("quokkas Rottnest"))[0].artifact_id).toBe(artifact.id);
    // The job completes once its handler returns: after the ingest's transaction (which marks the
    // approval executed) it re-checks the requester's research goals, so wait for it.
    const jobOf = async () => (await call(approvals.GET, { bearer: adminToken })).json.items.find((a: { id: number }) => a.id === id).job;
    await expect.poll(async () => (await jobOf()).status, { timeout: 20_000 }).toBe("completed");
    expect(await jobOf()).toMatchObject({ status: "completed", result: { artifact_id: artifact.id } });
    for (const action of ["approval.request", "approval.approve", "approval.executed", "knowledge.ingest"]) {
      expect(await db.logEntry.count({ where: { action } }), action).toBeGreaterThan(0);
    }

    // A decision is final.
    const twice = await call(decision.POST, { bearer: adminToken, params: { id: String(id) }, body: { decision: "reject" } });
    expect(twice.status).toBe(409);
  });

  it("rejecting ingests nothing and queues nothing (the old ?decision= form works too)", async () => {
    const url = server.url("/rejected.html");
    const { approval_id: id } = (await post({ url })).json;
    const jobs = await db.job.count();
    const res = await call(decision.POST, { bearer: adminToken, params: { id: String(id) }, path: `/api/governance/approvals/${id}/decision?decision=reject&reason=off-topic` });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "rejected", decision_reason: "off-topic" });
    expect(await db.job.count()).toBe(jobs);
    expect(await db.knowledgeArtifact.count({ where: { sourceUrl: url } })).toBe(0);
    expect(await db.logEntry.count({ where: { action: "approval.reject", resource: `approval:${id}` } })).toBe(1);
  });

  it("a bad decision is a 422 naming the field; an unknown approval is a 404", async () => {
    const bad = await call(decision.POST, { bearer: adminToken, params: { id: "1" }, body: { decision: "maybe" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("body.decision");
    expect((await call(decision.POST, { bearer: adminToken, params: { id: "999999" }, body: { decision: "approve" } })).status).toBe(404);
  });

  it("an approved URL that turns out to be refused marks the approval failed", async () => {
    const url = server.url("/image.png");
    const { approval_id: id } = (await post({ url })).json;
    await call(decision.POST, { bearer: adminToken, params: { id: String(id) }, body: { decision: "approve" } });
    await expect.poll(async () => (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status, { timeout: 20_000 }).toBe("failed");
    const approval = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(approval.decisionReason).toMatch(/content type image\/png/);
    expect(await db.knowledgeArtifact.count({ where: { sourceUrl: url } })).toBe(0);
  });
});
