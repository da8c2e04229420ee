// The queries that used to scan whole tables, checked by the plan the database picks for them:
// each verb runs on a client that records its SQL (Prisma's query events), and that exact
// statement is explained — EXPLAIN QUERY PLAN on SQLite, EXPLAIN (FORMAT JSON) on PostgreSQL
// (sequential and bitmap scans disabled for the session, as the planner picks them for small
// tables whatever the indexes). A plan fails when it scans the table, walks a whole index without a
// condition, or sorts the rows. Each check also drops the index in a rolled-back transaction and
// expects the same plan check to fail, so a missing index cannot go unnoticed.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseConfig } from "../../lib/db/config";
import { getCausalPatterns, getConfidence } from "../../lib/causal/get-patterns";
import { measureLoad } from "../../lib/loops/run-meta";
import { runHealthCycle } from "../../lib/health/run-health-cycle";
import { runLearning } from "../../lib/loops/run-learning";
import { listConversations } from "../../lib/chat/list-conversations";
import { listHistory, MAX_HISTORY_OFFSET } from "../../lib/memory/list-history";
import { encodeCursor } from "../../lib/api/pagination";
import * as history from "../../app/api/memory/history/route";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { createLoggingDb, type LoggedQuery } from "../helpers/query-log";

const cfg = databaseConfig();

/** What a query must do: find `table`'s rows through `index`, by a condition on `column`. */
type Expect = { table: string; column: string; index: string };

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Plans?: PgNode[] };

async function plan(q: LoggedQuery, dropIndex?: string): Promise<string[] | PgNode> {
  if (cfg.provider === "sqlite") {
    const conn = new Database(cfg.file, { timeout: 10_000 });
    try {
      conn.exec("BEGIN IMMEDIATE");
      if (dropIndex) conn.exec(`DROP INDEX "${dropIndex}"`);
      const params = q.params.map((p) => (typeof p === "boolean" ? Number(p) : p));
      return (conn.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    } finally {
      conn.exec("ROLLBACK");
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: cfg.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Small tables make sequential scans and bitmap scans (which then sort) look cheapest
    // whatever the indexes: take them off the menu, so the plan shows whether an index can
    // find the rows and deliver them in the order asked for.
    await client.query("SET LOCAL enable_seqscan = off");
    await client.query("SET LOCAL enable_bitmapscan = off");
    if (dropIndex) await client.query(`DROP INDEX "${dropIndex}"`);
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.params);
    const json = rows[0]["QUERY PLAN"];
    return (typeof json === "string" ? JSON.parse(json) : json)[0].Plan as PgNode;
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}

/** What is wrong with a plan for `e`: [] when the table is searched by an index on the column and nothing is sorted. */
function problems(p: string[] | PgNode, e: Expect): string[] {
  const out: string[] = [];
  if (Array.isArray(p)) {
    for (const line of p) {
      if (new RegExp(`^SCAN (main\\.)?${e.table}\\b`).test(line)) out.push(`full scan: ${line}`);
      if (/TEMP B-TREE/.test(line)) out.push(`sort: ${line}`);
    }
    const search = new RegExp(`^SEARCH (main\\.)?${e.table} USING (COVERING )?INDEX (\\S+) \\(${e.column}[=<>]`);
    if (!p.some((line) => search.test(line))) out.push(`${e.table} is not searched by an index on ${e.column}: ${p.join(" | ")}`);
    return out;
  }
  const touches = (n: PgNode): boolean => n["Relation Name"] === e.table || (n.Plans ?? []).some(touches);
  const conds = (n: PgNode): string[] => [n["Index Cond"] ?? "", ...(n["Node Type"] === "Bitmap Heap Scan" ? (n.Plans ?? []).flatMap(conds) : [])];
  let searched = false;
  const walk = (n: PgNode) => {
    const type = n["Node Type"];
    if (/Sort/.test(type) && touches(n)) out.push(`${type} over ${e.table}'s rows`);
    if (n["Relation Name"] === e.table) {
      if (type === "Seq Scan") out.push(`Seq Scan on ${e.table}`);
      else if (conds(n).some((c) => c.includes(`"${e.column}"`) || c.includes(`${e.column} `))) searched = true;
      else out.push(`${type} on ${e.table} with no condition on ${e.column}: it walks the whole index (${n["Index Name"] ?? ""})`);
    }
    (n.Plans ?? []).forEach(walk);
  };
  walk(p);
  if (!searched) out.push(`${e.table} is not searched by an index on ${e.column}`);
  return out;
}

describe("the plans of the queries that used to scan", async () => {
  const alice = await createUser();
  const logging = createLoggingDb();
  const day = 86_400_000;
  const now = Date.now();

  beforeAll(async () => {
    // A realistic shape: many people, so one person's rows (alice's) are a small part of each
    // table, and the health loop's component under test ("workers") is a rare one.
    const n = 1500;
    await db.user.createMany({ data: Array.from({ length: 300 }, (_, i) => ({ username: `crowd${i}`, passwordHash: "-" })) });
    const crowd = (await db.user.findMany({ where: { username: { startsWith: "crowd" } }, select: { id: true } })).map((u) => u.id);
    const userOf = (i: number) => (i % 100 === 0 ? alice.id : crowd[i % crowd.length]);
    await db.causalEvent.createMany({ data: Array.from({ length: n }, (_, i) => ({ userId: userOf(i), eventType: "question", outcome: "answered", confidence: 0.5 })) });
    // Jobs started over the last two days: the last five minutes hold a few of them.
    await db.job.createMany({
      data: Array.from({ length: n }, (_, i) => ({ kind: "steps", status: "completed", createdAt: new Date(now - i * 120_000), startedAt: new Date(now - i * 120_000 + 5) })),
    });
    const component = (i: number) => (i % 150 === 0 ? "workers" : ["database", "disk", "queue"][i % 3]);
    await db.healingAction.createMany({ data: Array.from({ length: n }, (_, i) => ({ component: component(i), action: "remedy", result: "succeeded", createdAt: new Date(now - day - i * 1000) })) });
    await db.healthCheck.createMany({ data: Array.from({ length: n }, (_, i) => ({ component: component(i), status: "ok", latencyMs: 1, checkedAt: new Date(now - day - i * 1000) })) });
    await db.conversation.createMany({ data: Array.from({ length: n }, (_, i) => ({ userId: userOf(i), title: `c${i}` })) });
    await db.chatMessage.createMany({ data: Array.from({ length: n * 2 }, (_, i) => ({ userId: userOf(i), role: i % 2 ? "grace" : "user", content: `message ${i}` })) });
    // Reflections over the last 30 days: the learning window (24 hours) is a small part.
    await db.reflection.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        userId: i % 7 ? userOf(i) : null,
        summary: "s",
        insight: "i",
        confidence: 0.5,
        windowStart: new Date(now - i * 30 * 60_000),
        windowEnd: new Date(now - i * 30 * 60_000),
        messageCount: 1,
        generatedAt: new Date(now - i * 30 * 60_000),
        topics: { topics: [{ topic: `t${i % 50}`, count: 1 }] },
      })),
    });
    if (cfg.provider === "postgres") await db.$executeRawUnsafe("ANALYZE");
  });
  afterAll(() => logging.close());

  /** Runs `verb` on the logging client and returns the statements on `table` it sent. */
  async function capture(table: string, verb: () => Promise<unknown>): Promise<LoggedQuery[]> {
    logging.reset();
    await verb();
    const on = new RegExp(`FROM [\`"](main|public)[\`"]\\.[\`"]${table}[\`"]`);
    return logging.queries.filter((q) => /^\s*SELECT/i.test(q.sql) && on.test(q.sql));
  }

  async function expectIndexed(queries: LoggedQuery[], e: Expect) {
    expect(queries.length, `no query on ${e.table} was captured`).toBeGreaterThan(0);
    for (const q of queries) {
      const found = await plan(q);
      expect(problems(found, e), `${q.sql}\n${JSON.stringify(found)}`).toEqual([]);
      // Without the index the same check fails: it would catch the index going missing.
      expect(problems(await plan(q, e.index), e).length, `still passes without ${e.index}: ${q.sql}`).toBeGreaterThan(0);
    }
  }

  it("causal events by user (patterns and confidence): the (userId, id) index, newest first", async () => {
    const queries = [
      ...(await capture("CausalEvent", () => getCausalPatterns({ userId: alice.id, limit: 100, db: logging.db }))),
      ...(await capture("CausalEvent", () => getConfidence({ userId: alice.id, limit: 100, db: logging.db }))),
    ];
    await expectIndexed(queries, { table: "CausalEvent", column: "userId", index: "CausalEvent_userId_id_idx" });
  });

  it("jobs started in the last five minutes (the meta loop's latency): the startedAt index", async () => {
    const queries = (await capture("Job", () => measureLoad({ db: logging.db }))).filter((q) => q.sql.includes("startedAt"));
    await expectIndexed(queries, { table: "Job", column: "startedAt", index: "Job_startedAt_idx" });
  });

  it("a component's last healing action and its recent checks (the health loop): (component, id) and (component, checkedAt)", async () => {
    // No worker runs in this test, so "workers" fails every cycle: the third is past the
    // threshold and looks up the component's last healing action (the cooldown).
    let actions: LoggedQuery[] = [];
    let checks: LoggedQuery[] = [];
    for (let i = 0; i < 3; i++) {
      logging.reset();
      await runHealthCycle({ db: logging.db });
      const on = (t: string) => logging.queries.filter((q) => /^\s*SELECT/i.test(q.sql) && new RegExp(`FROM [\`"](main|public)[\`"]\\.[\`"]${t}[\`"]`).test(q.sql));
      actions = actions.concat(on("HealingAction"));
      checks = checks.concat(on("HealthCheck"));
    }
    await expectIndexed(actions, { table: "HealingAction", column: "component", index: "HealingAction_component_id_idx" });
    await expectIndexed(checks, { table: "HealthCheck", column: "component", index: "HealthCheck_component_checkedAt_idx" });
  });

  it("a user's conversations, newest first, first and later pages: the (userId, id) index", async () => {
    const queries = [
      ...(await capture("Conversation", () => listConversations({ user: alice, limit: 20, db: logging.db }))),
      ...(await capture("Conversation", () => listConversations({ user: alice, limit: 20, cursor: 1000, db: logging.db }))),
    ];
    await expectIndexed(queries, { table: "Conversation", column: "userId", index: "Conversation_userId_id_idx" });
  });

  it("a user's history pages, by offset and by cursor: the (userId, id) index", async () => {
    const queries = [
      ...(await capture("ChatMessage", () => listHistory({ user: alice, limit: 50, offset: 0, db: logging.db }))),
      ...(await capture("ChatMessage", () => listHistory({ user: alice, limit: 50, offset: 200, db: logging.db }))),
      ...(await capture("ChatMessage", () => listHistory({ user: alice, limit: 50, offset: 0, cursor: 500, db: logging.db }))),
    ];
    await expectIndexed(queries, { table: "ChatMessage", column: "userId", index: "ChatMessage_userId_id_idx" });
  });

  it("the learning loop's window of reflections: a range of the generatedAt index, not a sort", async () => {
    const queries = await capture("Reflection", () => runLearning({ db: logging.db }));
    await expectIndexed(queries, { table: "Reflection", column: "generatedAt", index: "Reflection_generatedAt_idx" });
  });
});

describe("/api/memory/history offset", async () => {
  const alice = await createUser();
  const token = await tokenFor(alice);

  it(`is capped at ${MAX_HISTORY_OFFSET}: deeper answers 422 and points to the cursor, which pages any depth`, async () => {
    const ok = await call(history.GET, { bearer: token, path: `/api/memory/history?offset=${MAX_HISTORY_OFFSET}` });
    expect(ok.status).toBe(200);
    const deep = await call(history.GET, { bearer: token, path: `/api/memory/history?offset=${MAX_HISTORY_OFFSET + 1}` });
    expect(deep.status).toBe(422);
    expect(deep.json.error.fields).toEqual([{ field: "query.offset", message: expect.stringContaining("cursor") }]);
    await expect(listHistory({ user: alice, limit: 10, offset: MAX_HISTORY_OFFSET + 1 })).rejects.toThrow(/at most/);
    const byCursor = await call(history.GET, { bearer: token, path: `/api/memory/history?cursor=${encodeCursor(1_000_000)}` });
    expect(byCursor.status).toBe(200);
  });
});
