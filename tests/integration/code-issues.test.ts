// Issue 12, item 5: a failed run opens a code issue; applying its fix edits the file for real
// (a new version, audited) and can be undone; on both databases. The runs are rows made here
// (as the worker's run pipeline writes them), with what Python 3.11 printed for them.
import { describe, expect, it } from "vitest";
import * as issuesRoute from "../../app/api/issues/route";
import * as issueRoute from "../../app/api/issues/[id]/route";
import * as resolveRoute from "../../app/api/issues/[id]/resolve/route";
import * as undoRoute from "../../app/api/issues/[id]/undo/route";
import { verifyLog } from "../../lib/audit";
import { writeTransaction } from "../../lib/db/transaction";
import { openIssueForRun } from "../../lib/code/open-issue";
import { fixPatch } from "../../lib/code/patch";
import { writeSandboxFile } from "../../lib/sandbox/files/write-file";
import { call, createUser, db, tokenFor } from "../helpers/api";

const SOURCE = "x = 2\nprint(math.sqrt(x))\n";
const FIXED = "import math\nx = 2\nprint(math.sqrt(x))\n";
const NAME_ERROR = (file: string) =>
  `Traceback (most recent call last):\n  File "/workspace/${file}", line 2, in <module>\n    print(math.sqrt(x))\n          ^^^^\nNameError: name 'math' is not defined\n`;

type User = { id: number; username: string; role: "user" | "admin" };

async function caller(o: { role?: "admin" } = {}) {
  const user = (await createUser(o)) as User;
  return { user, bearer: await tokenFor(user) };
}

async function saveFile(user: User, path: string, content: string) {
  return (await writeTransaction((tx) => writeSandboxFile({ tx, user, filePath: path, content }))).file;
}

/** A finished run row, as the worker leaves it, and the issue the worker opens for it. */
async function failedRun(user: User, o: { fileName?: string; source?: string; stderr?: string; status?: string; exitCode?: number | null } = {}) {
  const fileName = o.fileName ?? "main.py";
  const run = await db.sandboxRun.create({
    data: {
      userId: user.id,
      language: "python",
      command: `python3 ${fileName}`,
      fileName,
      source: o.source ?? SOURCE,
      status: o.status ?? "runtime_error",
      stderr: o.stderr ?? NAME_ERROR(fileName),
      exitCode: o.exitCode === undefined ? 1 : o.exitCode,
      startedAt: new Date(),
      finishedAt: new Date(),
    },
  });
  const file = await db.sandboxFile.findUnique({ where: { userId_path: { userId: user.id, path: fileName } } });
  const issue = await writeTransaction((tx) => openIssueForRun({ tx, run, file }));
  return { run, issue };
}

const resolve = (who: { bearer: string }, id: number, decision: string) =>
  call(resolveRoute.POST, { bearer: who.bearer, method: "POST", path: `/api/issues/${id}/resolve?decision=${decision}`, params: { id: String(id) } });
const undo = (who: { bearer: string }, id: number) => call(undoRoute.POST, { bearer: who.bearer, method: "POST", path: `/api/issues/${id}/undo`, params: { id: String(id) } });
const show = (who: { bearer: string }, id: number) => call(issueRoute.GET, { bearer: who.bearer, path: `/api/issues/${id}`, params: { id: String(id) } });
const list = (who: { bearer: string }, query = "") => call(issuesRoute.GET, { bearer: who.bearer, path: `/api/issues/${query}` });
const fileOf = (user: User, path: string) => db.sandboxFile.findUnique({ where: { userId_path: { userId: user.id, path } } });
const entriesFor = async (id: number) => (await db.logEntry.findMany({ where: { resource: `code_issue:${id}` }, orderBy: { sequence: "asc" } })).map((e) => ({ ...e, payload: JSON.parse(e.payload) }));

describe("code issues: a failed run, its fix, and undo", async () => {
  const alice = await caller();
  const bob = await caller();
  const admin = await caller({ role: "admin" });

  it("opens an issue for a failed run, applies its fix to the file, and undoes it", async () => {
    await saveFile(alice.user, "main.py", SOURCE);
    const { run, issue } = await failedRun(alice.user);
    expect(issue).toMatchObject({
      userId: alice.user.id,
      source: "sandbox",
      sandboxRunId: run.id,
      summary: "NameError in main.py, line 2: name 'math' is not defined",
      details: NAME_ERROR("main.py"),
      errorType: "NameError",
      filePath: "main.py",
      line: 2,
      fileVersion: 1,
      appliedVersion: null,
      status: "pending",
    });
    expect(issue!.explanation).toMatch(/name/);
    expect(issue!.likelyCause).toMatch(/import/);
    expect(issue!.suggestedFix).toBe("Adds `import math` at line 1 of main.py, so math is defined");
    expect(issue!.patch).toBe(fixPatch("main.py", SOURCE, FIXED));
    expect(await entriesFor(issue!.id)).toMatchObject([{ actor: "worker", action: "code.issue.open", payload: { run_id: run.id, error_type: "NameError", fix: "add_import", file_version: 1 } }]);

    // Called again for the same run (a retried job): the same issue, not a second one.
    const again = await writeTransaction((tx) => openIssueForRun({ tx, run, file: null }));
    expect(again?.id).toBe(issue!.id);
    expect(await db.codeIssue.count({ where: { sandboxRunId: run.id } })).toBe(1);

    const listed = await list(alice);
    expect(listed.status).toBe(200);
    expect(listed.json[0]).toEqual({
      id: issue!.id,
      source: "sandbox",
      summary: issue!.summary,
      explanation: issue!.explanation,
      likely_cause: issue!.likelyCause,
      suggested_fix: issue!.suggestedFix,
      action_label: "Apply fix",
      status: "pending",
      created_at: issue!.createdAt.toISOString(),
      resolved_at: null,
      error_type: "NameError",
      file_path: "main.py",
      line: 2,
      has_fix: true,
      patch: issue!.patch,
      file_version: 1,
      applied_version: null,
      sandbox_run_id: run.id,
    });
    const detail = await show(alice, issue!.id);
    expect(detail.json).toMatchObject({ id: issue!.id, details: NAME_ERROR("main.py"), applied_fix: null, fix_result: null });
    expect(JSON.parse(detail.json.action_payload)).toEqual({ file_path: "main.py", file_version: 1, patch: issue!.patch });

    const applied = await resolve(alice, issue!.id, "apply");
    expect(applied.status).toBe(200);
    expect(applied.json).toEqual({
      status: "success",
      result: "Adds `import math` at line 1 of main.py, so math is defined. Saved main.py as version 2.",
      issue_id: issue!.id,
      file_path: "main.py",
      version: 2,
    });
    expect(await fileOf(alice.user, "main.py")).toMatchObject({ content: FIXED, version: 2 });
    expect(await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).toMatchObject({ status: "resolved", appliedVersion: 2 });
    const writes = await db.logEntry.findMany({ where: { actor: alice.user.username, action: "sandbox.file.write" }, orderBy: { sequence: "asc" } });
    expect(JSON.parse(writes[writes.length - 1].payload)).toMatchObject({ path: "main.py", version: 2, created: false });
    expect((await show(alice, issue!.id)).json).toMatchObject({ status: "resolved", applied_fix: issue!.suggestedFix, fix_result: "Applied: main.py was saved as version 2" });

    const undone = await undo(alice, issue!.id);
    expect(undone.status).toBe(200);
    expect(undone.json).toEqual({ status: "undone", issue_id: issue!.id, file_path: "main.py", version: 3 });
    expect(await fileOf(alice.user, "main.py")).toMatchObject({ content: SOURCE, version: 3 });
    expect((await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).status).toBe("undone");
    expect((await entriesFor(issue!.id)).map((e) => [e.actor, e.action, e.result])).toEqual([
      ["worker", "code.issue.open", "success"],
      [alice.user.username, "code.issue.apply", "success"],
      [alice.user.username, "code.issue.undo", "success"],
    ]);

    // Done once: neither applied nor undone again.
    expect((await undo(alice, issue!.id)).status).toBe(409);
    const reapplied = await resolve(alice, issue!.id, "apply");
    expect(reapplied.status).toBe(409);
    expect(reapplied.json.error.message).toBe("Issue already processed (it is undone)");
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("refuses to apply a fix to a file that changed since the run (409), and changes nothing", async () => {
    await saveFile(alice.user, "changed.py", SOURCE);
    const { issue } = await failedRun(alice.user, { fileName: "changed.py" });
    await saveFile(alice.user, "changed.py", "print('rewritten')\n");
    const before = await db.logEntry.count();
    const refused = await resolve(alice, issue!.id, "apply");
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toBe("the file changed since the run; run it again");
    expect(await fileOf(alice.user, "changed.py")).toMatchObject({ content: "print('rewritten')\n", version: 2 });
    expect((await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).status).toBe("pending");
    expect(await db.logEntry.count()).toBe(before);
  });

  it("refuses to undo once the file changed after the fix", async () => {
    await saveFile(alice.user, "later.py", SOURCE);
    const { issue } = await failedRun(alice.user, { fileName: "later.py" });
    expect((await resolve(alice, issue!.id, "apply")).json.status).toBe("success");
    await saveFile(alice.user, "later.py", `${FIXED}print("more")\n`);
    const refused = await undo(alice, issue!.id);
    expect(refused.status).toBe(409);
    expect(await fileOf(alice.user, "later.py")).toMatchObject({ content: `${FIXED}print("more")\n`, version: 3 });
  });

  it("a run of the editor's unsaved buffer: the fix applies to what ran, and undo gives back the file as saved", async () => {
    const saved = "print('the saved copy')\n";
    await saveFile(alice.user, "buffer.py", saved);
    const { issue } = await failedRun(alice.user, { fileName: "buffer.py" }); // ran SOURCE, never saved
    expect(issue).toMatchObject({ fileVersion: 1, patch: fixPatch("buffer.py", SOURCE, FIXED) });
    expect((await resolve(alice, issue!.id, "apply")).json).toMatchObject({ status: "success", version: 2 });
    expect((await fileOf(alice.user, "buffer.py"))?.content).toBe(FIXED);
    // What is kept is the change the file went through.
    expect((await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).patch).toBe(fixPatch("buffer.py", saved, FIXED));
    expect((await undo(alice, issue!.id)).json).toMatchObject({ status: "undone", version: 3 });
    expect((await fileOf(alice.user, "buffer.py"))?.content).toBe(saved);
  });

  it("a run of an unsaved program with no saved file: the fix creates the file", async () => {
    const { issue } = await failedRun(alice.user, { fileName: "scratch.py" });
    expect(issue).toMatchObject({ filePath: "scratch.py", fileVersion: null });
    const applied = await resolve(alice, issue!.id, "apply");
    expect(applied.json).toMatchObject({ status: "success", file_path: "scratch.py", version: 1, result: expect.stringContaining("Created scratch.py") });
    expect(await fileOf(alice.user, "scratch.py")).toMatchObject({ content: FIXED, version: 1 });
    expect((await undo(alice, issue!.id)).json).toEqual({ status: "undone", issue_id: issue!.id, file_path: "scratch.py", version: 2 });
    expect((await fileOf(alice.user, "scratch.py"))?.content).toBe(SOURCE);

    // A file saved under that name since the run is not overwritten.
    const second = await failedRun(alice.user, { fileName: "appeared.py" });
    await saveFile(alice.user, "appeared.py", "print('mine')\n");
    expect((await resolve(alice, second.issue!.id, "apply")).status).toBe(409);
    expect((await fileOf(alice.user, "appeared.py"))?.content).toBe("print('mine')\n");
  });

  it("a patch that no longer applies marks the issue failed, with the reason, and leaves the file alone", async () => {
    await saveFile(alice.user, "broken.py", SOURCE);
    const { issue } = await failedRun(alice.user, { fileName: "broken.py" });
    await db.codeIssue.update({ where: { id: issue!.id }, data: { patch: fixPatch("broken.py", "something\nelse\n", "import math\nsomething\nelse\n") } });
    const failed = await resolve(alice, issue!.id, "apply");
    expect(failed.status).toBe(200);
    expect(failed.json).toEqual({ status: "failed", result: "The fix could not be applied: its patch does not apply to the program that ran", issue_id: issue!.id, file_path: "broken.py", version: null });
    expect(await fileOf(alice.user, "broken.py")).toMatchObject({ content: SOURCE, version: 1 });
    expect((await show(alice, issue!.id)).json).toMatchObject({ status: "failed", fix_result: "The fix could not be applied: its patch does not apply to the program that ran" });
    expect((await entriesFor(issue!.id)).at(-1)).toMatchObject({ action: "code.issue.apply", result: "failure", payload: { reason: "its patch does not apply to the program that ran" } });
  });

  it("keeps issues private: another user, and an admin, get 404 and change nothing", async () => {
    await saveFile(alice.user, "private.py", SOURCE);
    const { issue } = await failedRun(alice.user, { fileName: "private.py" });
    for (const other of [bob, admin]) {
      expect((await show(other, issue!.id)).status).toBe(404);
      expect((await show(other, issue!.id)).json.error.message).toBe("Issue not found");
      expect((await resolve(other, issue!.id, "apply")).status).toBe(404);
      expect((await resolve(other, issue!.id, "dismiss")).status).toBe(404);
      expect((await undo(other, issue!.id)).status).toBe(404);
      expect((await list(other)).json.map((i: { id: number }) => i.id)).not.toContain(issue!.id);
    }
    expect(await fileOf(alice.user, "private.py")).toMatchObject({ content: SOURCE, version: 1 });
    expect((await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).status).toBe("pending");
  });

  it("dismisses an issue (twice is fine); a dismissed issue is not applied", async () => {
    const { issue } = await failedRun(alice.user, { fileName: "dismiss.py" });
    const dismissed = await resolve(alice, issue!.id, "dismiss");
    expect(dismissed.status).toBe(200);
    expect(dismissed.json).toEqual({ status: "dismissed", issue_id: issue!.id });
    expect((await resolve(alice, issue!.id, "dismiss")).json.status).toBe("dismissed");
    expect(await db.codeIssue.findUniqueOrThrow({ where: { id: issue!.id } })).toMatchObject({ status: "dismissed", resolvedAt: expect.any(Date) });
    expect((await entriesFor(issue!.id)).map((e) => e.action)).toEqual(["code.issue.open", "code.issue.dismiss"]);
    expect((await resolve(alice, issue!.id, "apply")).status).toBe(409);
    expect(await fileOf(alice.user, "dismiss.py")).toBeNull();
  });

  it("answers 400 \"Invalid decision\" for anything but apply and dismiss; an issue without a fix cannot be applied", async () => {
    const { issue } = await failedRun(alice.user, { fileName: "slow.py", source: "while True:\n    pass\n", stderr: "", status: "timeout", exitCode: 137 });
    expect(issue).toMatchObject({ errorType: "Timeout", patch: null, suggestedFix: null, filePath: "slow.py", line: null });
    for (const decision of ["", "approve", "APPLY"]) {
      const bad = await resolve(alice, issue!.id, decision);
      expect(bad.status).toBe(400);
      expect(bad.json.error.message).toBe("Invalid decision");
    }
    const viaBody = await call(resolveRoute.POST, { bearer: alice.bearer, path: `/api/issues/${issue!.id}/resolve`, params: { id: String(issue!.id) }, body: { decision: "apply" } });
    expect(viaBody.status).toBe(409);
    expect(viaBody.json.error.message).toMatch(/no fix to apply/);
    expect((await show(alice, issue!.id)).json).toMatchObject({ has_fix: false, action_label: null, action_payload: null });
  });

  it("opens no issue for a run that did not fail or was stopped", async () => {
    for (const [status, exitCode] of [["ok", 0], ["killed", 137], ["failed", null]] as const) {
      const { issue } = await failedRun(alice.user, { fileName: `none-${status}.py`, status, exitCode, stderr: "" });
      expect(issue).toBeNull();
    }
  });

  it("lists newest first, filters by status and pages with X-Next-Cursor", async () => {
    const carol = await caller();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await failedRun(carol.user, { fileName: `p${i}.py` })).issue!.id);
    await resolve(carol, ids[0], "dismiss");
    const first = await list(carol, "?limit=2");
    expect(first.json.map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1]]);
    const cursor = first.headers.get("x-next-cursor");
    expect(cursor).toBeTruthy();
    expect((await list(carol, `?limit=2&cursor=${cursor}`)).json.map((i: { id: number }) => i.id)).toEqual([ids[0]]);
    expect((await list(carol, "?status=dismissed")).json.map((i: { id: number }) => i.id)).toEqual([ids[0]]);
    expect((await list(carol, "?status=pending")).json.map((i: { id: number }) => i.id)).toEqual([ids[2], ids[1]]);
    expect((await list(carol, "?status=open")).status).toBe(422);
  });
});
