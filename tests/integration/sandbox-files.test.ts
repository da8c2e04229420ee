// Issue 12, item 3: each person's sandbox files, through the API, on both databases.
import { describe, expect, it } from "vitest";
import * as filesRoute from "../../app/api/sandbox/files/route";
import * as fileRoute from "../../app/api/sandbox/file/route";
import * as writeRoute from "../../app/api/sandbox/write/route";
import * as renameRoute from "../../app/api/sandbox/rename/route";
import * as deleteRoute from "../../app/api/sandbox/delete/route";
import * as resetRoute from "../../app/api/sandbox/reset/route";
import { verifyLog } from "../../lib/audit";
import { MAX_FILE_BYTES, MAX_FILES_PER_USER } from "../../lib/sandbox/files/limits";
import { call, createUser, db, sessionCookieFor, tokenFor } from "../helpers/api";

type Caller = { bearer: string };

const write = (who: Caller, file_path: string, content: string) => call(writeRoute.POST, { ...who, path: "/api/sandbox/write", body: { file_path, content } });
const read = (who: Caller, file_path: string) => call(fileRoute.GET, { ...who, path: `/api/sandbox/file?${new URLSearchParams({ file_path })}` });
const list = (who: Caller, query = "") => call(filesRoute.GET, { ...who, path: `/api/sandbox/files${query}` });
const rename = (who: Caller, file_path: string, new_path: string) => call(renameRoute.POST, { ...who, path: "/api/sandbox/rename", body: { file_path, new_path } });
const remove = (who: Caller, file_path: string) => call(deleteRoute.POST, { ...who, path: "/api/sandbox/delete", body: { file_path } });
const reset = (who: Caller) => call(resetRoute.POST, { ...who, path: "/api/sandbox/reset" });

async function state(userId: number) {
  const files = await db.sandboxFile.findMany({ where: { userId }, orderBy: { path: "asc" }, select: { path: true, content: true, sizeBytes: true } });
  return { files, log: await db.logEntry.count() };
}

async function newCaller() {
  const user = await createUser();
  return { user, who: { bearer: await tokenFor(user) } };
}

describe("sandbox files: /api/sandbox/*", async () => {
  const { user: alice, who: a } = await newCaller();
  const { user: bob, who: b } = await newCaller();

  it("writes, reads, lists, renames, deletes and resets a file, each write audited", async () => {
    const created = await write(a, "main.py", 'print("hi")\n');
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ path: "main.py", size: 12, status: "saved", created: true });
    const replaced = await write(a, "main.py", 'print("héllo")\n');
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual({ path: "main.py", size: 16, status: "saved", created: false }); // bytes, not characters
    expect((await write(a, "lib/util.ts", "export const x = 1;\n")).status).toBe(201);

    const got = await read(a, "main.py");
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ file_path: "main.py", content: 'print("héllo")\n', size: 16 });
    expect(Date.parse(got.json.updated_at)).not.toBeNaN();

    const listed = await list(a);
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({
      count: 2,
      next_cursor: null,
      files: [
        { path: "lib/util.ts", name: "util.ts", size: 20, extension: ".ts" },
        { path: "main.py", name: "main.py", size: 16, extension: ".py" },
      ],
    });

    const moved = await rename(a, "main.py", "app/main.py");
    expect(moved.status).toBe(200);
    expect(moved.json).toEqual({ path: "app/main.py", old_path: "main.py", status: "renamed", files_renamed: 1 });
    expect((await read(a, "main.py")).status).toBe(404);
    expect((await read(a, "app/main.py")).json.content).toBe('print("héllo")\n');

    const deleted = await remove(a, "lib/util.ts");
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ path: "lib/util.ts", status: "deleted", files_deleted: 1 });
    const gone = await read(a, "lib/util.ts");
    expect(gone.status).toBe(404);
    expect(gone.json.error.message).toBe("File not found");

    await write(a, "notes.md", "# notes\n");
    const emptied = await reset(a);
    expect(emptied.status).toBe(200);
    expect(emptied.json).toEqual({ files_deleted: 2, status: "reset" });
    expect((await list(a)).json).toEqual({ files: [], count: 0, next_cursor: null });

    const entries = await db.logEntry.findMany({ where: { actor: alice.username, subsystem: "sandbox" }, orderBy: { sequence: "asc" } });
    expect(entries.map((e) => e.action)).toEqual([
      "sandbox.file.write",
      "sandbox.file.write",
      "sandbox.file.write",
      "sandbox.file.rename",
      "sandbox.file.delete",
      "sandbox.file.write",
      "sandbox.reset",
    ]);
    expect(JSON.parse(entries[1].payload)).toMatchObject({ path: "main.py", size: 16, created: false, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(entries[3].payload)).toEqual({ from: "main.py", to: "app/main.py" });
    expect(entries[3].resource).toBe(entries[0].resource); // the same file, by id
    expect(JSON.parse(entries[6].payload)).toEqual({ files_deleted: 2, paths: ["app/main.py", "notes.md"] });
    expect(entries[6].resource).toBe(`user:${alice.id}`);
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("keeps each workspace private, from admins too", async () => {
    const admin = await createUser({ role: "admin" });
    const adm = { bearer: await tokenFor(admin) };
    await write(a, "secret.py", "KEY = 'alice'\n");
    await write(a, "shared/name.py", "x = 1\n");
    expect((await write(b, "secret.py", "KEY = 'bob'\n")).status).toBe(201); // the same path, another workspace

    for (const [who, key] of [
      [a, "alice"],
      [b, "bob"],
    ] as const) {
      expect((await read(who, "secret.py")).json.content).toBe(`KEY = '${key}'\n`);
    }
    expect((await list(b)).json.files.map((f: { path: string }) => f.path)).toEqual(["secret.py"]);
    expect((await list(adm)).json).toEqual({ files: [], count: 0, next_cursor: null });
    expect((await read(adm, "secret.py")).status).toBe(404);
    expect((await read(b, "shared/name.py")).status).toBe(404);

    const before = await state(alice.id);
    expect((await rename(b, "shared/name.py", "stolen.py")).status).toBe(404);
    expect((await remove(adm, "shared/name.py")).status).toBe(404);
    expect((await remove(adm, "shared")).status).toBe(404);
    expect((await reset(b)).json).toEqual({ files_deleted: 1, status: "reset" });
    expect(await db.sandboxFile.count({ where: { userId: bob.id } })).toBe(0);
    expect((await reset(adm)).json).toEqual({ files_deleted: 0, status: "reset" });
    expect((await state(alice.id)).files).toEqual(before.files);
    await reset(a);
  });

  it("answers a session cookie as a bearer token, and nobody without either", async () => {
    const cookie = await sessionCookieFor(alice);
    const saved = await call(writeRoute.POST, { cookie, path: "/api/sandbox/write", body: { file_path: "cookie.py", content: "1\n" } });
    expect(saved.status).toBe(201);
    expect((await call(filesRoute.GET, { cookie, path: "/api/sandbox/files" })).json.count).toBe(1);
    const crossSite = await call(writeRoute.POST, { cookie, origin: "http://evil.test", path: "/api/sandbox/write", body: { file_path: "x.py", content: "" } });
    expect(crossSite.status).toBe(403);
    expect((await call(filesRoute.GET, { path: "/api/sandbox/files" })).status).toBe(401);
    expect((await call(resetRoute.POST, { path: "/api/sandbox/reset", method: "POST" })).status).toBe(401);
    expect((await call(writeRoute.POST, { path: "/api/sandbox/write", body: { file_path: "x.py", content: "" } })).status).toBe(401);
    expect((await state(alice.id)).files.map((f) => f.path)).toEqual(["cookie.py"]);
    await reset(a);
  });

  it("pages the list in path order with a cursor", async () => {
    for (const p of ["b.py", "a/z.py", "c.md", "a/a.py", "B.txt"]) await write(a, p, p);
    const order = ["B.txt", "a/a.py", "a/z.py", "b.py", "c.md"]; // code-unit order, the same on both databases
    const first = await list(a, "?limit=2");
    expect(first.json.files.map((f: { path: string }) => f.path)).toEqual(order.slice(0, 2));
    expect(first.json.count).toBe(5);
    const second = await list(a, `?limit=2&cursor=${first.json.next_cursor}`);
    expect(second.json.files.map((f: { path: string }) => f.path)).toEqual(order.slice(2, 4));
    const third = await list(a, `?limit=2&cursor=${second.json.next_cursor}`);
    expect(third.json).toMatchObject({ files: [{ path: "c.md" }], next_cursor: null, count: 5 });
    expect((await list(a)).json.files).toHaveLength(5); // the default page holds a whole workspace
    const bad = await list(a, "?cursor=nope");
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields[0].field).toBe("query.cursor");
    expect((await list(a, `?limit=${MAX_FILES_PER_USER + 1}`)).status).toBe(422);
    await reset(a);
  });

  it("renames and deletes folders, moves nothing onto an existing file, and keeps files apart from folders", async () => {
    for (const p of ["src/a.py", "src/lib/b.py", "src/lib/b/c.py", "srcx/d.py", "top.py"]) expect((await write(a, p, p)).status).toBe(201);

    const clash = await write(a, "top.py/inner.py", "");
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toContain('"top.py" is a file');
    expect((await write(a, "src/lib/b.py/x.py", "")).status).toBe(409);

    const onto = await rename(a, "top.py", "src/a.py");
    expect(onto.status).toBe(409);
    expect(onto.json.error.message).toContain('"src/a.py" already exists');
    expect((await rename(a, "src/a.py", "src/a.py")).status).toBe(422);
    expect((await rename(a, "src", "src/inner")).json.error.message).toBe("body.new_path: is inside the folder being moved");
    expect((await rename(a, "top.py", "top.exe")).json.error.fields[0]).toEqual({ field: "body.new_path", message: expect.stringMatching(/^File type not allowed: \.exe/) });
    expect((await rename(a, "nothing", "else")).status).toBe(404);

    const moved = await rename(a, "src", "app");
    expect(moved.json).toEqual({ path: "app", old_path: "src", status: "renamed", files_renamed: 3 });
    expect((await list(a)).json.files.map((f: { path: string }) => f.path)).toEqual(["app/a.py", "app/lib/b.py", "app/lib/b/c.py", "srcx/d.py", "top.py"]);
    // Up one level: app/lib/b.py → app/b.py, app/lib/b/c.py → app/b/c.py, beside app/a.py.
    expect((await rename(a, "app/lib", "app")).json).toEqual({ path: "app", old_path: "app/lib", status: "renamed", files_renamed: 2 });
    expect((await read(a, "app/b/c.py")).json.content).toBe("src/lib/b/c.py");

    const head = (await db.logHead.findUniqueOrThrow({ where: { id: 1 } })).sequence;
    const dropped = await remove(a, "app");
    expect(dropped.json).toEqual({ path: "app", status: "deleted", files_deleted: 3 });
    expect((await list(a)).json.files.map((f: { path: string }) => f.path)).toEqual(["srcx/d.py", "top.py"]); // "srcx" is not inside "src"
    const deletes = await db.logEntry.findMany({ where: { sequence: { gt: head } }, orderBy: { sequence: "asc" } });
    expect(deletes.map((e) => [e.action, JSON.parse(e.payload).path]).sort()).toEqual([
      ["sandbox.file.delete", "app/a.py"],
      ["sandbox.file.delete", "app/b.py"],
      ["sandbox.file.delete", "app/b/c.py"],
    ]);
    await reset(a);
  });

  it("moves a folder into its parent when a moved file takes the path another one leaves", async () => {
    // Created innermost first, so the first file moved would land on the second's path.
    await write(a, "t/t/t/x.py", "innermost");
    await write(a, "t/t/x.py", "inner");
    const up = await rename(a, "t/t", "t");
    expect(up.json).toEqual({ path: "t", old_path: "t/t", status: "renamed", files_renamed: 2 });
    expect((await read(a, "t/t/x.py")).json.content).toBe("innermost");
    expect((await read(a, "t/x.py")).json.content).toBe("inner");
    await reset(a);
  });

  it("refuses content over 1 MB (UTF-8 bytes) and takes exactly 1 MB, however it is escaped", async () => {
    const exact = await write(a, "big.txt", "x".repeat(MAX_FILE_BYTES));
    expect(exact.status).toBe(201);
    expect(exact.json.size).toBe(MAX_FILE_BYTES);
    // Line breaks double in JSON: the body is 2 MB for a 1 MB file.
    expect((await write(a, "lines.txt", "\n".repeat(MAX_FILE_BYTES))).status).toBe(201);
    const before = await state(alice.id);
    const over = await write(a, "big.txt", "x".repeat(MAX_FILE_BYTES + 1));
    expect(over.status).toBe(422);
    expect(over.json.error.fields).toEqual([{ field: "body.content", message: `Content too large (max ${MAX_FILE_BYTES} bytes): it is ${MAX_FILE_BYTES + 1} bytes (UTF-8)` }]);
    const wide = await write(a, "wide.txt", "é".repeat(MAX_FILE_BYTES / 2 + 1));
    expect(wide.status).toBe(422);
    expect(wide.json.error.fields[0].field).toBe("body.content");
    expect(await state(alice.id)).toEqual(before);
    expect((await read(a, "big.txt")).json.content).toHaveLength(MAX_FILE_BYTES);
    await reset(a);
  }, 120_000);

  it(`holds at most ${MAX_FILES_PER_USER} files, also when many writes race for the last places`, async () => {
    const { user: carol, who: c } = await newCaller();
    const free = 5;
    await db.sandboxFile.createMany({ data: Array.from({ length: MAX_FILES_PER_USER - free }, (_, i) => ({ userId: carol.id, path: `pre/f${i}.py`, content: "", sizeBytes: 0 })) });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => write(c, `race/r${i}.py`, `n = ${i}\n`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(free);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20 - free);
    expect(answers.find((r) => r.status === 409)!.json.error.message).toMatch(/already holds 200 files, the most it may/);
    expect(await db.sandboxFile.count({ where: { userId: carol.id } })).toBe(MAX_FILES_PER_USER);
    expect(await db.logEntry.count({ where: { actor: carol.username, action: "sandbox.file.write" } })).toBe(free);
    // A full workspace still saves over its files, renames and deletes them.
    expect((await write(c, "pre/f0.py", "changed\n")).status).toBe(200);
    expect((await rename(c, "pre/f0.py", "pre/g0.py")).status).toBe(200);
    expect((await remove(c, "pre/g0.py")).status).toBe(200);
    expect((await write(c, "after.py", "")).status).toBe(201);
    expect((await list(c)).json.count).toBe(MAX_FILES_PER_USER);
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  describe("every path rule, through the API: 422 naming the rule and the field, and nothing written", () => {
    const BAD: [string, RegExp][] = [
      ["", /is required/],
      ["../escape.py", /^Path escape attempt detected: "\.\." is not allowed/],
      ["a/../../escape.py", /^Path escape attempt detected/],
      ["/etc/passwd.txt", /^Path escape attempt detected: the path must be relative/],
      ["C:/x.py", /^Path escape attempt detected: the path must be relative/],
      ["a\\b.py", /backslashes are not allowed/],
      ["a\nb.py", /control or invisible characters \(found U\+000A\)/],
      ["evil\u202Eyp.exe", /control or invisible characters \(found U\+202E\)/],
      ["./main.py", /must be normalised: no "\." folders/],
      ["a//b.py", /must be normalised: no empty folder names/],
      ["a/b.py/", /must be normalised: no trailing "\/"/],
      [".../x.py", /made only of dots/],
      ["cafe\u0301.py", /Unicode normalisation form C/],
      [`${"a".repeat(253)}.py`, /is 256 bytes long \(UTF-8\): at most 255 are allowed/],
      ["1/2/3/4/5/6/7/8/9.py", /is 9 levels deep: at most 8/],
      [" main.py", /begins or ends with a space/],
      ["-rf.py", /begins with "-"/],
      ["virus.exe", /^File type not allowed: \.exe \(allowed: /],
      ["Makefile", /^File type not allowed: no extension/],
    ];

    it.each(BAD)("POST /api/sandbox/write %j", async (path, message) => {
      const before = await state(alice.id);
      const res = await write(a, path, "print(1)\n");
      expect(res.status).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.fields).toEqual([{ field: "body.file_path", message: expect.stringMatching(message) }]);
      expect(res.json.error.message).toMatch(/^body\.file_path: /);
      expect(await state(alice.id)).toEqual(before);
    });

    it.each(BAD)("GET /api/sandbox/file %j", async (path, message) => {
      const res = await read(a, path);
      expect(res.status).toBe(422);
      expect(res.json.error.fields).toEqual([{ field: "query.file_path", message: expect.stringMatching(message) }]);
    });

    it.each(BAD.filter(([p]) => !["Makefile", "virus.exe"].includes(p)))("rename and delete %j", async (path, message) => {
      await write(a, "keep.py", "kept\n");
      const before = await state(alice.id);
      const from = await rename(a, path, "moved.py");
      expect(from.status).toBe(422);
      expect(from.json.error.fields).toEqual([{ field: "body.file_path", message: expect.stringMatching(message) }]);
      const to = await rename(a, "keep.py", path);
      expect(to.status).toBe(422);
      expect(to.json.error.fields).toEqual([{ field: "body.new_path", message: expect.stringMatching(message) }]);
      const del = await remove(a, path);
      expect(del.status).toBe(422);
      expect(del.json.error.fields).toEqual([{ field: "body.file_path", message: expect.stringMatching(message) }]);
      expect(await state(alice.id)).toEqual(before);
    });
  });
});
