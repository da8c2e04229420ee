// Governance end to end on each database: policies managed by admins (validated, ordered),
// every governed action decided by the first enabled matching policy, held actions approved
// and run exactly once as their requester, rejected and expired ones never run, every decision
// in the audit log, and the earlier API's verification routes answered from that log.
import { afterEach, describe, expect, it } from "vitest";
import * as policies from "../../app/api/governance/policies/route";
import * as policyById from "../../app/api/governance/policies/[id]/route";
import * as approvals from "../../app/api/governance/approvals/route";
import * as decision from "../../app/api/governance/approvals/[id]/decision/route";
import * as governanceAudit from "../../app/api/governance/audit/route";
import * as verificationAudit from "../../app/api/verification/audit/route";
import * as verificationStats from "../../app/api/verification/stats/route";
import * as verificationFailed from "../../app/api/verification/failed/route";
import * as tokens from "../../app/api/tokens/route";
import * as artifact from "../../app/api/knowledge/artifacts/[id]/route";
import * as sandboxRun from "../../app/api/sandbox/run/route";
import * as userById from "../../app/api/users/[id]/route";
import * as mode from "../../app/api/health/mode/route";
import * as ruleById from "../../app/api/hunter/rules/[id]/route";
import { executeApproval } from "../../lib/governance/execute-approval";
import { expireApprovals } from "../../lib/governance/expire-approvals";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("governance", async () => {
  const admin = await createUser({ role: "admin" });
  const adminToken = await tokenFor(admin);
  const admin2 = await createUser({ role: "admin" });
  const admin2Token = await tokenFor(admin2);
  const user = await createUser();
  const userToken = await tokenFor(user);

  let serial = 0;
  const made: number[] = [];
  async function addPolicy(body: Record<string, unknown>) {
    const res = await call(policies.POST, { bearer: adminToken, body: { name: `test policy ${++serial} ${Date.now()}`, ...body } });
    expect(res.status, res.text).toBe(201);
    made.push(res.json.id);
    return res.json;
  }
  // Each test's policies go with it, so one test's rules never decide another's actions.
  afterEach(async () => {
    await db.governancePolicy.deleteMany({ where: { id: { in: made.splice(0) } } });
  });
  const newToken = (name: string, bearer = userToken) => call(tokens.POST, { bearer, body: { name } });
  const decide = (id: number, body: Record<string, unknown>, bearer = adminToken) => call(decision.POST, { bearer, params: { id: String(id) }, body });
  const tokensOf = (userId: number, name: string) => db.apiToken.count({ where: { userId, name } });
  async function knowledgeOf(owner: { id: number; username: string }) {
    const input = ingestTextSchema.parse({ title: `Governed ${++serial}`, content: `The governed artifact number ${serial} ${Date.now()}.` });
    return (await ingestContent({ user: owner, input, source: "manual", trustScore: 80 })).artifact;
  }

  it("a fresh install has the seeded policies: only the URL review enabled", async () => {
    const res = await call(policies.GET, { bearer: adminToken, path: "/api/governance/policies?limit=100" });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.json)).toBe(true);
    const enabled = res.json.filter((p: { enabled: boolean }) => p.enabled);
    expect(enabled).toEqual([expect.objectContaining({ action_type: "knowledge.ingest", decision: "review", action: "review", condition_object: { trust_score: { min: 40, max: 69.99 } } })]);
    // The earlier API's condition is JSON text.
    expect(JSON.parse(enabled[0].condition)).toEqual({ trust_score: { min: 40, max: 69.99 } });
    const seeded = new Set(res.json.map((p: { action_type: string }) => p.action_type));
    for (const a of ["sandbox.run", "knowledge.delete", "loop.configure", "system.mode", "governance.policy.update", "token.create", "user.register", "user.role_change", "user.disable", "user.delete", "hunter.rule.update"]) {
      expect(seeded, a).toContain(a);
    }
  });

  it("only admins manage (or list) policies", async () => {
    const p = await addPolicy({ action_type: "token.create", decision: "allow", enabled: false });
    const before = await db.governancePolicy.count();
    expect((await call(policies.GET, { bearer: userToken })).status).toBe(403);
    expect((await call(policies.POST, { bearer: userToken, body: { name: "mine", action_type: "token.create", decision: "allow" } })).status).toBe(403);
    expect((await call(policyById.PATCH, { bearer: userToken, method: "PATCH", params: { id: String(p.id) }, body: { enabled: true } })).status).toBe(403);
    expect((await call(policyById.DELETE, { bearer: userToken, method: "DELETE", params: { id: String(p.id) } })).status).toBe(403);
    expect(await db.governancePolicy.count()).toBe(before);
    expect((await db.governancePolicy.findUniqueOrThrow({ where: { id: p.id } })).enabled).toBe(false);
  });

  it("a bad condition is a 422 naming the part; nothing is saved", async () => {
    const before = await db.governancePolicy.count();
    const cases: [unknown, string][] = [
      [{ trust_score: { min: "high" } }, "body.condition.trust_score.min"],
      [{ time_window: { time_zone: "Mars/Olympus_Mons" } }, "body.condition.time_window.time_zone"],
      [{ rate: { max: 2, window_seconds: 0 } }, "body.condition.rate.window_seconds"],
      [{ keywords: ["ok", ""] }, "body.condition.keywords.1"],
      ["{not json", "body.condition"],
      [{ colour: "red" }, "body.condition"],
    ];
    for (const [condition, field] of cases) {
      const res = await call(policies.POST, { bearer: adminToken, body: { name: `bad ${++serial}`, action_type: "token.create", decision: "review", condition } });
      expect(res.status, JSON.stringify(condition)).toBe(422);
      expect(res.json.error.fields.map((f: { field: string }) => f.field), JSON.stringify(condition)).toContain(field);
    }
    const unknownAction = await call(policies.POST, { bearer: adminToken, body: { name: `bad ${++serial}`, action_type: "launch.missiles", decision: "block" } });
    expect(unknownAction.json.error.fields[0].field).toBe("body.action_type");
    const p = await addPolicy({ action_type: "token.create", decision: "allow", enabled: false });
    const patch = await call(policyById.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(p.id) }, body: { condition: { time_window: { hours: { from: 9, to: 9 } } } } });
    expect(patch.status).toBe(422);
    expect(patch.json.error.fields[0].field).toBe("body.condition.time_window.hours.to");
    expect(await db.governancePolicy.count()).toBe(before + 1);
  });

  it("policies are created, changed, reordered and deleted, each change audited; the earlier text condition is accepted", async () => {
    const p = await addPolicy({ action_type: "knowledge.delete", action: "block", condition: '{"resource": "artifact:9*"}', severity: "high", priority: 30 });
    expect(p).toMatchObject({ decision: "block", action: "block", priority: 30, enabled: true, condition_object: { resource: "artifact:9*" } });
    const patched = await call(policyById.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(p.id) }, body: { priority: 5, enabled: false } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ priority: 5, enabled: false });
    const listed = (await call(policies.GET, { bearer: adminToken, path: "/api/governance/policies?limit=100" })).json as { id: number; priority: number }[];
    expect(listed.map((x) => x.priority)).toEqual([...listed.map((x) => x.priority)].sort((a, b) => a - b));
    expect(listed[0].id).toBe(p.id);
    const dup = await call(policies.POST, { bearer: adminToken, body: { name: p.name, action_type: "token.create" } });
    expect(dup.status).toBe(409);
    const del = await call(policyById.DELETE, { bearer: adminToken, method: "DELETE", params: { id: String(p.id) } });
    expect(del.status).toBe(200);
    expect(await db.governancePolicy.count({ where: { id: p.id } })).toBe(0);
    for (const action of ["governance.policy.create", "governance.policy.update", "governance.policy.delete"]) {
      expect(await db.logEntry.count({ where: { action, resource: `policy:${p.id}`, actor: admin.username } }), action).toBe(1);
    }
  });

  it("review → 423 with the approval's id; the same request again is the same approval; approving runs it once, as the requester", async () => {
    const p = await addPolicy({ action_type: "token.create", decision: "review", condition: { keywords: ["deploy"] } });
    // Not matching (no keyword): allowed at once.
    expect((await newToken("laptop")).status).toBe(201);
    const held = await newToken("deploy key");
    expect(held.status).toBe(423);
    expect(held.json.error.code).toBe("approval_required");
    expect(held.json.error.message).toContain(p.name);
    const id = held.json.approval_id as number;
    expect(id).toBeGreaterThan(0);
    expect(await tokensOf(user.id, "deploy key")).toBe(0);
    expect((await newToken("deploy key")).json.approval_id).toBe(id);
    expect(await db.approvalRequest.count({ where: { actionType: "token.create", requestedById: user.id, status: "pending" } })).toBe(1);
    expect(await db.logEntry.count({ where: { action: "approval.request", resource: `approval:${id}`, actor: user.username } })).toBe(2);

    const listed = (await call(approvals.GET, { bearer: adminToken, path: "/api/governance/approvals?status=pending" })).json.items.find((a: { id: number }) => a.id === id);
    expect(listed).toMatchObject({ action_type: "token.create", action: "token.create", action_label: "Create an API token", policy: p.name, requested_by: user.username, status: "pending", payload: { name: "deploy key" } });
    expect(listed.expires_at).not.toBeNull();

    const approved = await decide(id, { decision: "approve", reason: "ok for CI" });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: "approved", decided_by: admin.username, decision_reason: "ok for CI" });
    const approval = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    const job = await db.job.findUniqueOrThrow({ where: { id: approval.jobId! } });
    expect(job).toMatchObject({ kind: "governed_action", createdById: user.id, payload: { approval_id: id } });

    // The job runs it; a second run (a retry, a lost lease) finds it done and does nothing.
    const first = await executeApproval({ db, approvalId: id });
    const second = await executeApproval({ db, approvalId: id });
    expect(first).toMatchObject({ approval_id: id });
    expect(second).toMatchObject({ skipped: true, status: "executed" });
    expect(await tokensOf(user.id, "deploy key")).toBe(1);
    const done = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "executed", decidedById: admin.id, error: null });
    expect(done.executedAt).not.toBeNull();
    expect(done.result).toMatchObject({ name: "deploy key" });
    expect(done.result).not.toHaveProperty("token"); // the secret itself is never stored
    expect(JSON.stringify(done.result)).not.toMatch(/grace_[A-Za-z0-9_-]{20,}/);
    // The token is the requester's, created as them; the approver and the run are on record.
    const created = await db.logEntry.findFirstOrThrow({ where: { action: "token.create", actor: user.username }, orderBy: { sequence: "desc" } });
    expect(JSON.parse(created.payload)).toMatchObject({ name: "deploy key", user_id: user.id });
    const executed = await db.logEntry.findFirstOrThrow({ where: { action: "approval.executed", resource: `approval:${id}` } });
    expect(JSON.parse(executed.payload)).toMatchObject({ action_type: "token.create", requested_by_id: user.id, approved_by_id: admin.id });
    expect(await db.logEntry.count({ where: { action: "approval.approve", resource: `approval:${id}`, actor: admin.username } })).toBe(1);

    // Deciding again is a 409.
    expect((await decide(id, { decision: "reject" })).status).toBe(409);
  });

  it("two admins approving at once: one wins, the other gets 409, the action runs once", async () => {
    await addPolicy({ action_type: "token.create", decision: "review", condition: { keywords: ["race"] } });
    const id = (await newToken("race token")).json.approval_id as number;
    const [a, b] = await Promise.all([decide(id, { decision: "approve" }), decide(id, { decision: "approve" }, admin2Token)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((a.status === 409 ? a : b).json.error.message).toMatch(/already decided/);
    expect(await db.job.count({ where: { kind: "governed_action", payload: { equals: { approval_id: id } } } })).toBe(1);
    await Promise.all([executeApproval({ db, approvalId: id }), executeApproval({ db, approvalId: id })]);
    expect(await tokensOf(user.id, "race token")).toBe(1);
    expect(await db.logEntry.count({ where: { action: "approval.approve", resource: `approval:${id}` } })).toBe(1);
    expect(await db.logEntry.count({ where: { action: "approval.executed", resource: `approval:${id}` } })).toBe(1);
  });

  it("rejecting records why and runs nothing", async () => {
    await addPolicy({ action_type: "token.create", decision: "review", condition: { keywords: ["rejectme"] } });
    const id = (await newToken("rejectme")).json.approval_id as number;
    const jobs = await db.job.count();
    const res = await decide(id, { decision: "reject", reason: "not needed" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: "rejected", decision_reason: "not needed" });
    expect(await db.job.count()).toBe(jobs);
    expect(await executeApproval({ db, approvalId: id })).toMatchObject({ skipped: true, status: "rejected" });
    expect(await tokensOf(user.id, "rejectme")).toBe(0);
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "approval.reject", resource: `approval:${id}` } });
    expect(JSON.parse(entry.payload)).toMatchObject({ reason: "not needed", job_id: null });
    expect((await decide(id, { decision: "approve" })).status).toBe(409);
  });

  it("a pending approval expires: deciding it is a 409 saying so, the sweep marks it expired, nothing runs", async () => {
    await addPolicy({ action_type: "token.create", decision: "review", condition: { keywords: ["stale"] } });
    const id = (await newToken("stale token")).json.approval_id as number;
    const approval = await db.approvalRequest.findUniqueOrThrow({ where: { id } });
    // GRACE_APPROVAL_TTL (7 days by default) from when it was asked.
    expect(approval.expiresAt!.getTime() - approval.createdAt.getTime()).toBeGreaterThan(6 * 86_400_000);
    await db.approvalRequest.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await decide(id, { decision: "approve" });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/expired/);
    const listed = (await call(approvals.GET, { bearer: adminToken, path: "/api/governance/approvals?status=expired" })).json.items.map((a: { id: number; status: string }) => [a.id, a.status]);
    expect(listed).toContainEqual([id, "expired"]);
    expect((await call(approvals.GET, { bearer: adminToken, path: "/api/governance/approvals?status=pending" })).json.items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect(await expireApprovals({ db })).toBeGreaterThanOrEqual(1);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status).toBe("expired");
    expect(await db.logEntry.count({ where: { action: "approval.expire", resource: `approval:${id}` } })).toBe(1);
    expect((await decide(id, { decision: "reject" })).json.error.message).toMatch(/expired/);
    // Asking again files a new request rather than finding the expired one.
    const again = await newToken("stale token");
    expect(again.status).toBe(423);
    expect(again.json.approval_id).not.toBe(id);
    expect(await tokensOf(user.id, "stale token")).toBe(0);
  });

  it("block → 403 naming the policy, on record, and nothing done", async () => {
    const mine = await knowledgeOf(user);
    const p = await addPolicy({ action_type: "knowledge.delete", decision: "block", condition: { resource: `artifact:${mine.id}` }, severity: "high" });
    const res = await call(artifact.DELETE, { bearer: userToken, method: "DELETE", params: { id: String(mine.id) } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toBe(`Blocked by policy "${p.name}"`);
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).toBeNull();
    const entry = await db.logEntry.findFirstOrThrow({ where: { action: "governance.block", resource: `artifact:${mine.id}` } });
    expect(entry).toMatchObject({ actor: user.username, result: "denied" });
    expect(JSON.parse(entry.payload)).toMatchObject({ policy: p.name, policy_id: p.id, action_type: "knowledge.delete" });
    expect(await db.logEntry.count({ where: { action: "knowledge.delete", resource: `artifact:${mine.id}` } })).toBe(0);
  });

  it("the first enabled match by priority decides; an explicit allow is audited; disabled policies are skipped", async () => {
    const doc = await knowledgeOf(user);
    await addPolicy({ action_type: "knowledge.delete", decision: "block", priority: 1, enabled: false });
    const allowAdmins = await addPolicy({ action_type: "knowledge.delete", decision: "allow", priority: 10, condition: { roles: ["admin"] } });
    const reviewOthers = await addPolicy({ action_type: "knowledge.delete", decision: "review", priority: 20 });
    const byUser = await call(artifact.DELETE, { bearer: userToken, method: "DELETE", params: { id: String(doc.id) } });
    expect(byUser.status).toBe(423);
    expect(byUser.json.error.message).toContain(reviewOthers.name);
    const byAdmin = await call(artifact.DELETE, { bearer: adminToken, method: "DELETE", params: { id: String(doc.id) } });
    expect(byAdmin.status).toBe(204);
    const allowed = await db.logEntry.findFirstOrThrow({ where: { action: "governance.allow", resource: `artifact:${doc.id}` } });
    expect(JSON.parse(allowed.payload)).toMatchObject({ policy: allowAdmins.name });
    expect(await db.logEntry.count({ where: { action: "knowledge.delete", resource: `artifact:${doc.id}`, actor: admin.username } })).toBe(1);
  });

  it("an approved deletion is replayed as its requester", async () => {
    const doc = await knowledgeOf(user);
    await addPolicy({ action_type: "knowledge.delete", decision: "review", condition: { resource: `artifact:${doc.id}` } });
    const held = await call(artifact.DELETE, { bearer: userToken, method: "DELETE", params: { id: String(doc.id) } });
    expect(held.status).toBe(423);
    expect((await decide(held.json.approval_id, { decision: "approve" })).status).toBe(200);
    await executeApproval({ db, approvalId: held.json.approval_id });
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: doc.id } })).deletedAt).not.toBeNull();
    expect(await db.logEntry.count({ where: { action: "knowledge.delete", resource: `artifact:${doc.id}`, actor: user.username } })).toBe(1);
  });

  it("a held action that fails when replayed is marked failed with why, and never retried", async () => {
    const doc = await knowledgeOf(user);
    await addPolicy({ action_type: "knowledge.delete", decision: "review", condition: { resource: `artifact:${doc.id}` } });
    const id = (await call(artifact.DELETE, { bearer: userToken, method: "DELETE", params: { id: String(doc.id) } })).json.approval_id as number;
    await decide(id, { decision: "approve" });
    // Gone before the job runs (deleted by its owner's admin in the meantime).
    await db.knowledgeArtifact.update({ where: { id: doc.id }, data: { deletedAt: new Date() } });
    await expect(executeApproval({ db, approvalId: id })).rejects.toThrow(/not found/);
    expect(await db.approvalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/not found/) });
    expect(await db.logEntry.count({ where: { action: "approval.failed", resource: `approval:${id}` } })).toBe(1);
    expect(await executeApproval({ db, approvalId: id })).toMatchObject({ skipped: true, status: "failed" });
  });

  it("a held sandbox run replays the program as reviewed, as its requester", async () => {
    await addPolicy({ action_type: "sandbox.run", decision: "review", condition: { keywords: ["governed_marker"] } });
    const code = "print('governed_marker')\n";
    const held = await call(sandboxRun.POST, { bearer: userToken, body: { language: "python", code, stream: true } });
    expect(held.status).toBe(423);
    const id = held.json.approval_id as number;
    expect(await db.sandboxRun.count({ where: { userId: user.id, source: code } })).toBe(0);
    expect((await decide(id, { decision: "approve" })).status).toBe(200);
    const outcome = await executeApproval({ db, approvalId: id });
    const run = await db.sandboxRun.findFirstOrThrow({ where: { userId: user.id, source: code } });
    expect(outcome).toMatchObject({ result: { run_id: run.id, job_id: run.jobId, blocked: [] } });
    expect(await db.job.findUniqueOrThrow({ where: { id: run.jobId! } })).toMatchObject({ kind: "sandbox_run", createdById: user.id, status: "queued" });
    expect(await db.logEntry.count({ where: { action: "sandbox.run.request", resource: `sandbox_run:${run.id}`, actor: user.username } })).toBe(1);
    await db.job.update({ where: { id: run.jobId! }, data: { status: "cancelled" } }); // no worker runs here
  });

  it("user administration is governed: a held role change is made by the replay, as the admin who asked", async () => {
    const target = await createUser();
    await addPolicy({ action_type: "user.role_change", decision: "review", condition: { roles: ["admin"] } });
    const held = await call(userById.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(target.id) }, body: { role: "admin" } });
    expect(held.status).toBe(423);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("user");
    expect((await decide(held.json.approval_id, { decision: "approve" }, admin2Token)).status).toBe(200);
    await executeApproval({ db, approvalId: held.json.approval_id });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("admin");
    expect(await db.logEntry.count({ where: { action: "user.role_change", resource: `user:${target.id}`, actor: admin.username } })).toBe(1);
  });

  it("a security rule change is governed: held, then made by the replay as it was asked, targets included", async () => {
    const rule = await db.securityRule.create({ data: { name: `gov.rule_${++serial}`, target: "chat,content", pattern: "governed\\d+", severity: "low", action: "log", enabled: true } });
    await addPolicy({ action_type: "hunter.rule.update", decision: "review" });
    const held = await call(ruleById.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(rule.id) }, body: { enabled: false, target: ["chat", "code"] } });
    expect(held.status, held.text).toBe(423);
    expect(await db.securityRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ enabled: true, target: "chat,content" });
    expect((await decide(held.json.approval_id, { decision: "approve" }, admin2Token)).status).toBe(200);
    await executeApproval({ db, approvalId: held.json.approval_id });
    expect(await db.securityRule.findUniqueOrThrow({ where: { id: rule.id } })).toMatchObject({ enabled: false, target: "chat,code" });
    expect(await db.logEntry.count({ where: { action: "hunter.rule.update", resource: `security_rule:${rule.id}`, actor: admin.username } })).toBe(1);
    // Without a policy it is made at once.
    await db.governancePolicy.deleteMany({ where: { id: { in: made.splice(0) } } });
    const now = await call(ruleById.PATCH, { bearer: adminToken, method: "PATCH", params: { id: String(rule.id) }, body: { enabled: true } });
    expect(now.status, now.text).toBe(200);
    expect(now.json).toMatchObject({ id: rule.id, enabled: true });
    await db.securityRule.delete({ where: { id: rule.id } });
  });

  it("a mode change can be held, but the way back to normal never is", async () => {
    await addPolicy({ action_type: "system.mode", decision: "review" });
    const held = await call(mode.POST, { bearer: adminToken, body: { mode: "read_only", reason: "maintenance" } });
    expect(held.status).toBe(423);
    expect((await db.systemState.findUniqueOrThrow({ where: { id: 1 } })).mode).toBe("normal");
    await db.approvalRequest.update({ where: { id: held.json.approval_id }, data: { status: "rejected" } });
    expect((await call(mode.POST, { bearer: adminToken, body: { mode: "normal", reason: "all fine" } })).status).toBe(200);
  });

  it("a rate condition counts the user's own entries of the action in the audit log", async () => {
    const counted = await createUser();
    const bearer = await tokenFor(counted); // its own token.create entry: 1 so far
    const p = await addPolicy({ action_type: "token.create", decision: "block", condition: { rate: { max: 3, window_seconds: 3600 } } });
    expect((await newToken("second", bearer)).status).toBe(201);
    expect((await newToken("third", bearer)).status).toBe(201);
    const fourth = await newToken("fourth", bearer);
    expect(fourth.status).toBe(403);
    expect(fourth.json.error.message).toContain(p.name);
    // Someone else's count is their own.
    expect((await newToken("mine", adminToken)).status).toBe(201);
  });

  it("GET /api/governance/audit lists governance decisions in the earlier shape", async () => {
    const p = await addPolicy({ action_type: "token.create", decision: "block", condition: { keywords: ["audited"] } });
    expect((await newToken("audited")).status).toBe(403);
    const mine = await call(governanceAudit.GET, { bearer: userToken });
    expect(mine.status).toBe(200);
    expect(Array.isArray(mine.json)).toBe(true);
    expect(mine.json[0]).toMatchObject({ actor: user.username, action: "governance.block", resource: "token:audited", policy_checked: p.name, result: "denied" });
    expect(mine.json[0].timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/);
    expect(mine.json.every((e: { actor: string }) => e.actor === user.username)).toBe(true);
    const all = await call(governanceAudit.GET, { bearer: adminToken, path: "/api/governance/audit?limit=2" });
    expect(all.json).toHaveLength(2);
    expect(all.headers.get("x-next-cursor")).toBeTruthy();
  });

  it("the earlier /api/verification routes answer from the audit log", async () => {
    const audit = await call(verificationAudit.GET, { bearer: userToken, path: "/api/verification/audit?limit=5" });
    expect(audit.status).toBe(200);
    expect(audit.json.count).toBe(audit.json.audit_log.length);
    expect(audit.json.audit_log[0]).toEqual({
      action_id: expect.stringMatching(/^[a-z_.]+_[0-9a-f]{8}_\d+$/),
      actor: user.username,
      action_type: expect.any(String),
      resource: expect.any(String),
      verified: true,
      criteria_met: expect.any(Boolean),
      input_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      output_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+$/),
    });
    const filtered = await call(verificationAudit.GET, { bearer: adminToken, path: `/api/verification/audit?actor=${user.username}&action_type=governance.block` });
    expect(filtered.json.audit_log.length).toBeGreaterThan(0);
    expect(filtered.json.audit_log.every((e: { actor: string; action_type: string; criteria_met: boolean }) => e.actor === user.username && e.action_type === "governance.block" && !e.criteria_met)).toBe(true);

    const stats = (await call(verificationStats.GET, { bearer: userToken })).json;
    expect(stats).toEqual({ total_verifications: expect.any(Number), verified_count: expect.any(Number), criteria_met_count: expect.any(Number), failed_count: expect.any(Number), success_rate: expect.any(Number), period_hours: 24 });
    expect(stats.total_verifications).toBe(await db.logEntry.count({ where: { actor: user.username } }));
    expect(stats.failed_count).toBe(await db.logEntry.count({ where: { actor: user.username, result: { in: ["failure", "failed", "denied", "blocked", "locked", "error"] } } }));
    expect(stats.failed_count).toBeGreaterThan(0);

    const failed = (await call(verificationFailed.GET, { bearer: userToken })).json;
    expect(failed.count).toBe(stats.failed_count);
    expect(failed.failed_verifications[0]).toEqual({ action_id: expect.any(String), actor: user.username, action_type: expect.any(String), resource: expect.any(String), created_at: expect.any(String) });
    expect((await call(verificationStats.GET, { bearer: userToken, path: "/api/verification/stats?hours_back=-1" })).json.error.fields[0].field).toBe("query.hours_back");
  });
});
