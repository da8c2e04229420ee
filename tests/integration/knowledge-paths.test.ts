// Private artifacts live under their owner's prefix (`@u<id>/…`): a path never tells a user
// that someone else holds a private artifact with the same title, and the migration that moved
// the existing ones keeps every link working (links and citations use the artifact's id).
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import * as ingestText from "../../app/api/ingest/text/route";
import * as legacyIngest from "../../app/api/knowledge/ingest/route";
import * as search from "../../app/api/knowledge/search/route";
import * as artifacts from "../../app/api/knowledge/artifacts/route";
import * as artifact from "../../app/api/knowledge/artifacts/[id]/route";
import * as tree from "../../app/api/memory/tree/route";
import * as chat from "../../app/api/chat/route";
import * as messages from "../../app/api/chat/conversations/[id]/messages/route";
import * as sources from "../../app/api/trust/sources/route";
import { migrate, migrationsDir, readMigrations } from "../../lib/db/migrate";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { withDatabase } from "../setup/postgres-server";

const testDb = inject("testDb");
const MIGRATION = "20261201151502_private_paths";

/** The statements of this change's migration, to run again on the test's own database. */
function migrationStatements(): string[] {
  const sql = readFileSync(path.join(migrationsDir(testDb.provider), MIGRATION, "migration.sql"), "utf8");
  return sql
    .split("\n")
    .filter((line) => !line.trim().startsWith("--"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

describe("artifact paths", async () => {
  const alice = await createUser();
  const bob = await createUser();
  const a = await tokenFor(alice);
  const b = await tokenFor(bob);
  const ingest = (token: string, body: Record<string, unknown>) => call(ingestText.POST, { bearer: token, body });

  it("puts private artifacts under the owner's prefix, so another user's path never shows they exist", async () => {
    const secret = await ingest(a, { title: "Merger Plan", content: "We buy the harbour bakery in March.", visibility: "private" });
    expect(secret.status).toBe(201);
    expect(secret.json.path).toBe(`@u${alice.id}/general/text/merger-plan`);

    // Bob's shared and private artifacts with the same title get the plain paths: no `-2`.
    const shared = await ingest(b, { title: "Merger Plan", content: "A public note about mergers." });
    expect(shared.json.path).toBe("general/text/merger-plan");
    const bobs = await ingest(b, { title: "Merger Plan", content: "Bob's own merger thoughts.", visibility: "private" });
    expect(bobs.json.path).toBe(`@u${bob.id}/general/text/merger-plan`);
    const legacy = await call(legacyIngest.POST, { bearer: b, body: { content: "Merger Plan\nthe legacy API stores shared text", category: "general" } });
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id: legacy.json.id } })).path).toBe("general/text/merger-plan-2");

    // A clash inside one's own namespace still gets a suffix, and only there.
    const again = await ingest(a, { title: "Merger Plan", content: "A second private plan.", visibility: "private" });
    expect(again.json.path).toBe(`@u${alice.id}/general/text/merger-plan-2`);
    // A duplicate answers with the owner's own path.
    expect((await ingest(a, { title: "Other", content: "We buy the harbour bakery in March.", visibility: "private" })).json).toMatchObject({ status: "duplicate", path: secret.json.path });
  });

  it("gives the first free suffix however many artifacts share a title", async () => {
    const paths: string[] = [];
    for (let i = 1; i <= 20; i++) paths.push((await ingest(a, { title: "Daily log", content: `Entry number ${i} of the daily log.`, domain: "logs" })).json.path);
    expect(paths).toEqual(["logs/text/daily-log", ...Array.from({ length: 19 }, (_, i) => `logs/text/daily-log-${i + 2}`)]);
    // A title whose slug merely starts the same way is not a clash.
    expect((await ingest(a, { title: "Daily log extra", content: "Not a clash.", domain: "logs" })).json.path).toBe("logs/text/daily-log-extra");
  });

  it("the migration moves existing private artifacts and every link to them keeps working", async () => {
    const made = await ingest(a, { title: "Rowing Diary", content: "The rowing club trains on the quiet canal at dawn.", domain: "sport", visibility: "private" });
    const id: number = made.json.artifact_id;
    // As it was stored before the change: the bare path, and a chat turn that cites it.
    await db.knowledgeArtifact.update({ where: { id }, data: { path: "sport/text/rowing-diary" } });
    const before = await call(chat.POST, { bearer: a, body: { message: "Where does the rowing club train?" } });
    expect(before.json.citations.map((c: { artifact_id: number }) => c.artifact_id)).toContain(id);

    for (const statement of migrationStatements()) await db.$executeRawUnsafe(statement);
    const moved = `@u${alice.id}/sport/text/rowing-diary`;
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id } })).path).toBe(moved);
    // Running it again changes nothing (new private paths already carry the prefix).
    for (const statement of migrationStatements()) await db.$executeRawUnsafe(statement);
    expect((await db.knowledgeArtifact.findUniqueOrThrow({ where: { id } })).path).toBe(moved);

    const one = await call(artifact.GET, { bearer: a, params: { id: String(id) } });
    expect(one.json).toMatchObject({ id, path: moved, title: "Rowing Diary" });
    const list = await call(artifacts.GET, { bearer: a, path: "/api/knowledge/artifacts?domain=sport" });
    expect(list.json.items).toEqual([expect.objectContaining({ id, path: moved })]);
    const browse = await call(tree.GET, { bearer: a, path: "/api/memory/tree?domain=sport" });
    expect(browse.json.tree.sport.text).toEqual([expect.objectContaining({ id, path: moved })]);
    expect(browse.json.flat_list).toEqual([expect.objectContaining({ id, path: moved })]);
    const found = await call(search.POST, { bearer: a, body: { query: "rowing canal" } });
    expect(found.json.results[0]).toMatchObject({ artifact_id: id, path: moved, source: moved });
    const after = await call(chat.POST, { bearer: a, body: { message: "Where does the rowing club train?" } });
    expect(after.json.citations[0]).toMatchObject({ artifact_id: id, title: "Rowing Diary" });
    // The citation saved before the move still points at the artifact.
    const saved = await call(messages.GET, { bearer: a, params: { id: String(before.json.conversation_id) } });
    const cited = JSON.stringify(saved.json);
    expect(cited).toContain(`"artifact_id":${id}`);
    // Bob sees none of it.
    expect((await call(artifacts.GET, { bearer: b, path: "/api/knowledge/artifacts?domain=sport" })).json.items).toEqual([]);
  });

  it("the migration removes the seeded localhost source, but not one an operator has verified", async () => {
    expect(await db.trustedSource.findUnique({ where: { domain: "localhost" } })).toBeNull();
    const admin = await createUser({ role: "admin" });
    const created = await call(sources.POST, { bearer: await tokenFor(admin), body: { domain: "localhost", trust_score: 100, category: "local", description: "This machine" } });
    expect(created.status).toBe(201);
    for (const statement of migrationStatements()) await db.$executeRawUnsafe(statement);
    expect(await db.trustedSource.findUnique({ where: { domain: "localhost" } })).toMatchObject({ trustScore: 100 });
  });
});

// The migration on a database created before it: private paths move, shared ones stay, the
// seeded localhost source goes and the other seeded sources stay.
describe("upgrading to private paths", () => {
  const all = readMigrations(migrationsDir(testDb.provider)).map((m) => m.name);
  const previous = all[all.indexOf(MIGRATION) - 1];

  const seed = [
    `INSERT INTO "User" ("id", "username", "passwordHash", "role", "createdAt", "updatedAt") VALUES (7, 'ann', 'h', 'user', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP), (8, 'ben', 'h', 'user', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    ...[
      [1, 7, "general/text/plan", "private", "user:7", "h1"],
      [2, 8, "general/text/plan-2", "private", "user:8", "h2"],
      [3, 8, "general/text/plan-3", "shared", "shared", "h3"],
    ].map(
      ([id, owner, p, visibility, scope, hash]) =>
        `INSERT INTO "KnowledgeArtifact" ("id", "ownerId", "path", "title", "artifactType", "source", "contentHash", "sizeBytes", "visibility", "dedupScope", "trustScore", "createdAt", "updatedAt")
         VALUES (${id}, ${owner}, '${p}', 'Plan', 'text', 'manual', '${hash}', 10, '${visibility}', '${scope}', 75, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
    ),
  ];
  const expected = [
    { id: 1, path: "@u7/general/text/plan" },
    { id: 2, path: "@u8/general/text/plan-2" },
    { id: 3, path: "general/text/plan-3" },
  ];

  it("moves private paths under their owner, keeps shared ones and drops the seeded localhost", async () => {
    expect(all).toContain(MIGRATION);
    if (testDb.provider === "sqlite") {
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), "grace-paths-")), "old.db");
      await migrate({ provider: "sqlite", file }, { upTo: previous });
      const old = new Database(file);
      expect(old.prepare(`SELECT "trustScore" FROM "TrustedSource" WHERE "domain" = 'localhost'`).get()).toEqual({ trustScore: 100 });
      for (const statement of seed) old.prepare(statement).run();
      old.close();
      expect(await migrate({ provider: "sqlite", file })).toEqual(all.slice(all.indexOf(MIGRATION)));
      const upgraded = new Database(file);
      expect(upgraded.prepare(`SELECT "id", "path" FROM "KnowledgeArtifact" ORDER BY "id"`).all()).toEqual(expected);
      expect(upgraded.prepare(`SELECT count(*) AS n FROM "TrustedSource" WHERE "domain" = 'localhost'`).get()).toEqual({ n: 0 });
      expect(upgraded.prepare(`SELECT count(*) AS n FROM "TrustedSource" WHERE "domain" = 'python.org'`).get()).toEqual({ n: 1 });
      upgraded.close();
    } else {
      if (testDb.provider !== "postgres") return;
      const name = `${testDb.prefix}_paths`;
      const admin = new pg.Client({ connectionString: testDb.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = withDatabase(testDb.adminUrl, name);
      const client = new pg.Client({ connectionString: url });
      try {
        await migrate({ provider: "postgres", url }, { upTo: previous });
        await client.connect();
        expect((await client.query(`SELECT "trustScore" FROM "TrustedSource" WHERE "domain" = 'localhost'`)).rows).toEqual([{ trustScore: 100 }]);
        for (const statement of seed) await client.query(statement);
        expect(await migrate({ provider: "postgres", url })).toEqual(all.slice(all.indexOf(MIGRATION)));
        expect((await client.query(`SELECT "id", "path" FROM "KnowledgeArtifact" ORDER BY "id"`)).rows).toEqual(expected);
        expect((await client.query(`SELECT count(*)::int AS n FROM "TrustedSource" WHERE "domain" = 'localhost'`)).rows).toEqual([{ n: 0 }]);
        expect((await client.query(`SELECT count(*)::int AS n FROM "TrustedSource" WHERE "domain" = 'python.org'`)).rows).toEqual([{ n: 1 }]);
      } finally {
        await client.end().catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  });
});
