// A locked, read-only or full database is a fault of the machine, not of the request: it must
// answer 503 with Retry-After and a message saying what is wrong — never 500 — and /api/health
// must say so. Each fault is made for real on the test's own database.
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // A short wait for another process's write lock, so the busy case is quick to reach.
  process.env.GRACE_SQLITE_BUSY_TIMEOUT_MS = "300";
  // …and the same on PostgreSQL: a statement gives up on another connection's lock after this.
  process.env.GRACE_PG_LOCK_TIMEOUT_MS = "300";
});

import * as tasks from "../../app/api/tasks/route";
import * as chat from "../../app/api/chat/route";
import * as health from "../../app/api/health/route";
import * as login from "../../app/api/auth/login/route";
import { databaseConfig } from "../../lib/db/config";
import { databaseFault } from "../../lib/db/errors";
import { writeTransaction } from "../../lib/db/transaction";
import { probeWrites, writeStatus } from "../../lib/db/write-availability";
import { call, createUser, db, tokenFor } from "../helpers/api";
import { provider } from "../helpers/database";

const database = databaseConfig();

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const newTask = (bearer: string) => call(tasks.POST, { bearer, body: { title: "write me" } });

/** The PostgreSQL SQLSTATE somewhere in an error's causes (Prisma keeps the driver's error in meta). */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } } | undefined;
  if (!e || typeof e !== "object") return undefined;
  if (e.kind === "postgres" && typeof e.code === "string") return e.code;
  return sqlState(e.meta?.driverAdapterError) ?? sqlState(e.cause);
}

/**
 * Terminated backends reach the pool's idle connections a moment later; until then a query may
 * land on a dead one and fail as "cannot be reached", which is right but not the fault under test.
 * Wait until a pool's worth of reads in parallel all succeed on fresh connections.
 */
async function untilPoolReconnected(): Promise<void> {
  const readAll = () => Promise.all(Array.from({ length: 16 }, () => db.task.count()));
  await waitFor(() => readAll().then(() => true, () => false), Boolean, "the pool to reconnect");
}

/** Makes the database refuse writes the way a real fault would, and returns how to undo it. */
async function makeUnwritable(kind: "read_only" | "full"): Promise<() => Promise<void>> {
  if (provider === "sqlite") {
    // The web process's own connection: query_only refuses writes with SQLITE_READONLY;
    // max_page_count at the current size makes any growth fail with SQLITE_FULL.
    if (kind === "read_only") {
      await db.$executeRawUnsafe("PRAGMA query_only = ON");
      return async () => void (await db.$executeRawUnsafe("PRAGMA query_only = OFF"));
    }
    const [{ page_count }] = await db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
    await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(page_count)}`);
    return async () => void (await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823"));
  }
  // PostgreSQL: the database turns read-only (as a standby would); connections are dropped so
  // the pool reconnects under the new setting.
  const url = (database as { url: string }).url;
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
  await admin.end();
  await untilPoolReconnected();
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("BEGIN READ WRITE");
    await c.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = off`);
    await c.query("COMMIT");
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    await c.end();
  };
}

describe("database faults", async () => {
  const user = await createUser();
  const bearer = await tokenFor(user);
  let undo: (() => Promise<void>) | null = null;

  afterEach(async () => {
    await undo?.();
    undo = null;
    await waitFor(async () => (await probeWrites(), writeStatus().ok), Boolean, "writes to work again");
  });

  it.runIf(provider === "sqlite")("a database locked by another process answers 503 with Retry-After, not 500", async () => {
    const other = new Database((database as { file: string }).file);
    other.exec("BEGIN IMMEDIATE"); // another process holds the write lock
    try {
      const before = await db.task.count();
      const res = await newTask(bearer);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(res.json.error.code).toBe("unavailable");
      expect(res.json.error.message).toMatch(/busy|locked/i);
      other.exec("ROLLBACK");
      expect(await db.task.count()).toBe(before);
      // A lock is not an outage: the next write goes through.
      expect((await newTask(bearer)).status).toBe(201);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });

  it.runIf(provider === "sqlite")("chat's raw-SQL turn write answers 503 with Retry-After while another process holds the write lock", async () => {
    const other = new Database((database as { file: string }).file);
    other.exec("BEGIN IMMEDIATE");
    try {
      const before = await db.chatMessage.count();
      const res = await call(chat.POST, { bearer, body: { message: "Hi!" } });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(res.json.error.code).toBe("unavailable");
      expect(res.json.error.message).toMatch(/busy|locked/i);
      other.exec("ROLLBACK");
      expect(await db.chatMessage.count()).toBe(before);
      expect((await call(chat.POST, { bearer, body: { message: "Hi!" } })).status).toBe(200);
    } finally {
      if (other.inTransaction) other.exec("ROLLBACK");
      other.close();
    }
  });

  it.runIf(provider === "postgres")("a row lock held by another connection answers 503 busy once lock_timeout passes", async () => {
    // Grace's connections carry the configured limits (the default statement_timeout here).
    expect(await db.$queryRaw`SHOW lock_timeout`).toEqual([{ lock_timeout: "300ms" }]);
    expect(await db.$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: "30s" }]);
    const other = new pg.Client({ connectionString: (database as { url: string }).url });
    await other.connect();
    await other.query("BEGIN");
    await other.query(`SELECT 1 FROM "LogHead" WHERE "id" = 1 FOR UPDATE`); // every audited write takes this row first
    try {
      const before = await db.task.count();
      const res = await newTask(bearer);
      expect(res.status).toBe(503);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(res.json.error.code).toBe("unavailable");
      expect(res.json.error.message).toMatch(/busy|locked/i);
      // The statement gave up on the lock (lock_not_available), not the transaction on its own deadline.
      const error = await writeTransaction((tx) => tx.task.count()).then(() => null, (e: unknown) => e);
      expect(sqlState(error)).toBe("55P03");
      expect(databaseFault(error)).toBe("busy");
      await other.query("ROLLBACK");
      expect(await db.task.count()).toBe(before);
      expect((await newTask(bearer)).status).toBe(201);
    } finally {
      await other.query("ROLLBACK").catch(() => {});
      await other.end();
    }
  });

  it("a read-only database answers 503 naming the problem, at once for later writes, and health says so", async () => {
    undo = await makeUnwritable("read_only");
    const first = await newTask(bearer);
    expect(first.status).toBe(503);
    expect(first.json.error.message).toMatch(/cannot be written|read-only/i);
    expect(first.headers.get("retry-after")).not.toBeNull();
    // Sign-in writes too (its token): a clear 503, not a 500.
    const signIn = await call(login.POST, { body: { username: user.username, password: "correct horse battery" }, origin: null });
    expect(signIn.status).toBe(503);
    // Health notices within a probe, while reads keep working.
    const h = await waitFor(() => call(health.GET), (r) => r.json.components.database.status === "degraded", "health to report the fault");
    expect(h.status).toBe(200);
    expect(h.json.components.database.detail).toMatch(/cannot be written|read-only/i);
    expect((await call(tasks.GET, { bearer })).status).toBe(200);

    await undo();
    undo = null;
    // Once a probe succeeds, writes are accepted again.
    const back = await waitFor(() => newTask(bearer), (r) => r.status === 201, "writes to be accepted again");
    expect(back.json.title).toBe("write me");
    await waitFor(() => call(health.GET), (r) => r.json.components.database.status === "ok", "health to recover");
  });

  it.runIf(provider === "sqlite")("a full database answers 503 naming the problem and loses nothing", async () => {
    const before = await db.task.count();
    undo = await makeUnwritable("full");
    const res = await call(tasks.POST, { bearer, body: { title: "x".repeat(200), description: "y".repeat(9000) } });
    expect(res.status).toBe(503);
    expect(res.json.error.message).toMatch(/out of disk space/i);
    expect(await db.task.count()).toBe(before);
  });
});
