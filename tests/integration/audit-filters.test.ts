// The audit filters: GET /api/log/entries by subsystem, actor, action, time range and without
// routine entries, paginated; GET /api/log/facets for the filters' values; both read through
// indexes (the plans are checked as in query-plans.test.ts, without a whole-table scan or sort).
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { append } from "../../lib/audit";
import { listEntries } from "../../lib/audit/list-entries";
import { listAuditFacets } from "../../lib/audit/list-facets";
import { WORKER_ACTOR } from "../../lib/audit/actors";
import { databaseConfig } from "../../lib/db/config";
import { writeTransaction } from "../../lib/db/transaction";
import * as entries from "../../app/api/log/entries/route";
import * as facets from "../../app/api/log/facets/route";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { createLoggingDb, type LoggedQuery } from "../helpers/query-log";

const cfg = databaseConfig();
const DAY = 86_400_000;

/** The sequence numbers this file's first part wrote: the lists are compared on these alone (signing up writes entries too). */
const seeded = new Set<number>();

async function log(at: Date, e: { actor: string; action: string; subsystem: string }) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    const entry = await writeTransaction((tx) => append({ tx, ...e, resource: "x:1", result: "success" }));
    seeded.add(entry.sequence);
  } finally {
    vi.useRealTimers();
  }
}

type Entry = { sequence: number; actor: string; action: string; subsystem: string; timestamp: string };

describe("audit filters", async () => {
  const admin = await createUser({ role: "admin" });
  const alice = await createUser();
  const bob = await createUser();
  const adminToken = await tokenFor(admin);
  const aliceToken = await tokenFor(alice);
  const today = new Date(Date.UTC(2031, 4, 20, 12));
  const daysAgo = (n: number) => new Date(today.getTime() - n * DAY);

  // Three days of entries: alice signs in, the worker completes jobs, bob adds knowledge.
  await log(daysAgo(3), { actor: alice.username, action: "auth.login", subsystem: "auth" });
  await log(daysAgo(2), { actor: WORKER_ACTOR, action: "job.complete", subsystem: "queue" });
  await log(daysAgo(2), { actor: bob.username, action: "knowledge.ingest", subsystem: "knowledge" });
  await log(daysAgo(1), { actor: WORKER_ACTOR, action: "job.complete", subsystem: "queue" });
  await log(daysAgo(1), { actor: alice.username, action: "goal.create", subsystem: "goals" });
  await log(today, { actor: alice.username, action: "knowledge.ingest", subsystem: "knowledge" });

  const get = async (query: string, bearer = adminToken) => {
    const res = await call(entries.GET, { bearer, path: `/api/log/entries?${query}` });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json as { entries: Entry[]; next_cursor: string | null };
  };
  const mine = (list: Entry[]) => list.filter((e) => seeded.has(e.sequence));

  it("filters by subsystem, actor and action, newest first", async () => {
    expect(mine((await get("subsystem=knowledge")).entries).map((e) => e.actor)).toEqual([alice.username, bob.username]);
    expect(mine((await get(`actor=${alice.username}`)).entries).map((e) => e.action)).toEqual(["knowledge.ingest", "goal.create", "auth.login"]);
    expect(mine((await get(`action=knowledge.ingest&actor=${bob.username}`)).entries).map((e) => e.subsystem)).toEqual(["knowledge"]);
  });

  it("filters by a time range: whole UTC days, or exact date-times", async () => {
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const between = mine((await get(`from=${day(daysAgo(2))}&to=${day(daysAgo(1))}`)).entries);
    expect(between.map((e) => e.action)).toEqual(["goal.create", "job.complete", "knowledge.ingest", "job.complete"]);
    const since = mine((await get(`from=${encodeURIComponent(daysAgo(1).toISOString())}`)).entries);
    expect(since.map((e) => e.action)).toEqual(["knowledge.ingest", "goal.create", "job.complete"]);
    const before = mine((await get(`to=${encodeURIComponent(new Date(daysAgo(3).getTime() + 1000).toISOString())}`)).entries);
    expect(before.map((e) => e.action)).toEqual(["auth.login"]);
    expect((await get(`from=2040-01-01`)).entries).toEqual([]);
  });

  it("leaves routine entries (the worker's job completions) out when asked", async () => {
    const all = mine((await get("")).entries);
    expect(all.filter((e) => e.action === "job.complete")).toHaveLength(2);
    const quiet = mine((await get("routine=false")).entries);
    expect(quiet.map((e) => e.action)).toEqual(["knowledge.ingest", "goal.create", "knowledge.ingest", "auth.login"]);
  });

  it("pages through a filtered list with the cursor", async () => {
    const first = await get(`actor=${alice.username}&action=knowledge.ingest&limit=1`);
    expect(first.entries.map((e) => e.subsystem)).toEqual(["knowledge"]);
    expect(first.next_cursor).toBeNull();
  });

  it("pages through a filtered time range with the cursor", async () => {
    const first = await get(`actor=${alice.username}&to=${daysAgo(1).toISOString().slice(0, 10)}&limit=1`);
    expect(first.entries.map((e) => e.action)).toEqual(["goal.create"]);
    const second = await get(`actor=${alice.username}&to=${daysAgo(1).toISOString().slice(0, 10)}&limit=5&cursor=${first.next_cursor}`);
    expect(mine(second.entries).map((e) => e.action)).toEqual(["auth.login"]);
  });

  it("shows someone who is not an admin only their own entries, whatever the filters say", async () => {
    const theirs = await get(`actor=${bob.username}`, aliceToken);
    expect(new Set(theirs.entries.map((e) => e.actor))).toEqual(new Set([alice.username]));
    const routine = await get("subsystem=queue", aliceToken);
    expect(routine.entries).toEqual([]);
  });

  it("validates the filters (422 names the field)", async () => {
    const bad = async (query: string) => (await call(entries.GET, { bearer: adminToken, path: `/api/log/entries?${query}` })).json.error.fields.map((f: { field: string }) => f.field);
    expect(await bad("from=yesterday")).toEqual(["query.from"]);
    expect(await bad("from=2031-05-20&to=2031-05-19")).toEqual(["query.to"]);
    expect(await bad("routine=maybe")).toEqual(["query.routine"]);
    expect(await bad(`subsystem=${"x".repeat(65)}`)).toEqual(["query.subsystem"]);
  });

  it("lists the filters' values: the whole log's for an admin, one's own for anyone else", async () => {
    const all = (await call(facets.GET, { bearer: adminToken })).json;
    expect(all.subsystems).toEqual(expect.arrayContaining(["auth", "goals", "knowledge", "queue"]));
    expect(all.subsystems).toEqual([...all.subsystems].sort());
    expect(all.actors).toEqual(expect.arrayContaining([alice.username, bob.username, WORKER_ACTOR]));
    expect(all.actions).toEqual(expect.arrayContaining(["auth.login", "goal.create", "job.complete", "knowledge.ingest"]));
    const own = (await call(facets.GET, { bearer: aliceToken })).json;
    expect(own).toEqual({ subsystems: expect.arrayContaining(["auth", "goals", "knowledge"]), actors: [alice.username], actions: expect.arrayContaining(["auth.login", "goal.create", "knowledge.ingest"]) });
    expect(own.subsystems).not.toContain("queue");
    expect(own.actions).not.toContain("job.complete");
  });
});

describe("the plans of the audit filters' queries", async () => {
  const logging = createLoggingDb();
  const now = Date.now();
  afterAll(() => logging.close());
  beforeAll(async () => {
    // Enough entries that a scan would show: many actors, subsystems and actions.
    const subsystems = ["auth", "chat", "knowledge", "queue", "loops", "health"];
    for (let i = 0; i < 20; i++) {
      await writeTransaction(async (tx) => {
        for (let j = 0; j < 50; j++) {
          const n = i * 50 + j;
          // "trust", "act.rare" and "loner" are rare: an index on them is the way to find them.
          const action = n % 100 === 9 ? "act.rare" : n % 5 ? `act.${n % 9}` : "job.complete";
          await append({ tx, actor: n % 100 === 3 ? "loner" : n % 5 ? `crowd${n % 40}` : WORKER_ACTOR, action, resource: `r:${n}`, subsystem: n % 100 === 7 ? "trust" : subsystems[n % subsystems.length], result: "success" });
        }
      });
    }
    if (cfg.provider === "postgres") await db.$executeRawUnsafe("ANALYZE");
  });

  async function explain(q: LoggedQuery): Promise<string> {
    if (cfg.provider === "sqlite") {
      const conn = new Database(cfg.file, { readonly: true });
      try {
        const params = q.params.map((p) => (typeof p === "boolean" ? Number(p) : p));
        return (conn.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
      } finally {
        conn.close();
      }
    }
    const client = new pg.Client({ connectionString: cfg.url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL enable_seqscan = off");
      await client.query("SET LOCAL enable_bitmapscan = off");
      const { rows } = await client.query(`EXPLAIN ${q.sql}`, q.params);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  }

  /** Every LogEntry query of `verb` finds its rows through an index (`index`, when named) and sorts nothing (`sorts`: but the one person's rows). */
  async function expectIndexed(verb: () => Promise<unknown>, o: { index?: string; sorts?: boolean } = {}) {
    logging.reset();
    await verb();
    const queries = logging.queries.filter((q) => /LogEntry/.test(q.sql) && /^\s*(SELECT|WITH)/i.test(q.sql));
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      const p = await explain(q);
      if (cfg.provider === "sqlite") {
        expect(p, q.sql).not.toMatch(/^SCAN (main\.)?LogEntry$/m);
        if (!o.sorts) expect(p, q.sql).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
        expect(p, q.sql).toMatch(/(SEARCH|SCAN) (main\.)?LogEntry USING (COVERING )?INDEX/);
      } else {
        expect(p, q.sql).not.toMatch(/Seq Scan on "?LogEntry/);
        if (!o.sorts) expect(p, q.sql).not.toMatch(/^\s*(->\s*)?Sort\b/m);
      }
      if (o.index && !/ORDER BY \S*timestamp/.test(q.sql)) expect(p, q.sql).toContain(o.index);
    }
  }

  it("lists by each filter, a time range and without routine entries through an index, with no sort", async () => {
    const from = new Date(now - 60_000);
    const to = new Date(now + 60_000);
    await expectIndexed(() => listEntries({ limit: 50, db: logging.db }));
    await expectIndexed(() => listEntries({ limit: 50, subsystem: "trust", routine: false, db: logging.db }), { index: "LogEntry_subsystem_sequence_idx" });
    await expectIndexed(() => listEntries({ limit: 50, actor: "loner", beforeSequence: 900, db: logging.db }), { index: "LogEntry_actor_sequence_idx" });
    await expectIndexed(() => listEntries({ limit: 50, action: "act.rare", from, to, db: logging.db }), { index: "LogEntry_action_sequence_idx" });
    await expectIndexed(() => listEntries({ limit: 50, from, to, routine: false, db: logging.db }));
  });

  it("finds the filters' values by index look-ups", async () => {
    await expectIndexed(() => listAuditFacets({ db: logging.db }));
    // One person's values: their own rows, found by the actor index, then sorted.
    await expectIndexed(() => listAuditFacets({ actor: "crowd3", db: logging.db }), { index: "LogEntry_actor_sequence_idx", sorts: true });
  });
});
