// lib/db/errors.ts decides which database errors are the machine's fault (503 with Retry-After)
// rather than the request's or a bug's (500). Each error below has the shape the drivers and
// Prisma really throw (see node_modules/@prisma/adapter-pg and adapter-better-sqlite3).
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { Prisma } from "../../lib/db/client";
import { databaseFault, describeFault, unavailableFor, type DatabaseFault } from "../../lib/db/errors";
import { UnavailableError } from "../../lib/errors";

/** A PostgreSQL error as pg throws it (a DatabaseError with a SQLSTATE and severity). */
const pgError = (code: string, message = "boom") => Object.assign(new Error(message), { name: "error", code, severity: "ERROR" });
/** The same error after @prisma/adapter-pg converted it (codes it has no kind for). */
const pgAdapterError = (code: string) => new DriverAdapterError({ kind: "postgres", code, severity: "ERROR", message: "boom", originalCode: code, originalMessage: "boom" } as never);
/** A SQLite error after @prisma/adapter-better-sqlite3 converted it. */
const sqliteAdapterError = (extendedCode: number) => new DriverAdapterError({ kind: "sqlite", extendedCode, message: "boom" } as never);
/** better-sqlite3's own error. */
const sqliteError = (code: string, message = "boom") => Object.assign(new Error(message), { name: "SqliteError", code });
/** What Prisma throws, carrying the adapter's error in meta like the real client does. */
const prismaError = (code: string, o: { message?: string; driverAdapterError?: unknown } = {}) =>
  new Prisma.PrismaClientKnownRequestError(o.message ?? "Invalid invocation", { code, clientVersion: "7", meta: o.driverAdapterError ? { driverAdapterError: o.driverAdapterError } : undefined });

const POSTGRES: [string, DatabaseFault][] = [
  ["55P03", "busy"], // lock_not_available: lock_timeout passed
  ["57014", "busy"], // query_canceled: statement_timeout passed
  ["40001", "busy"], // serialization_failure
  ["40P01", "busy"], // deadlock_detected
  ["25006", "read_only"], // read_only_sql_transaction: a standby, or default_transaction_read_only
  ["53100", "full"], // disk_full
  ["08000", "unreachable"], // connection_exception …
  ["08001", "unreachable"],
  ["08003", "unreachable"],
  ["08006", "unreachable"],
  ["53300", "unreachable"], // too_many_connections
  ["57P01", "unreachable"], // admin_shutdown
  ["57P02", "unreachable"], // crash_shutdown
  ["57P03", "unreachable"], // cannot_connect_now
  ["58000", "io"], // system_error
  ["58030", "io"], // io_error
];

// SQLSTATEs @prisma/adapter-pg turns into kinds of its own (TransactionWriteConflict, TooManyConnections).
const ADAPTER_KINDS_FOR = new Set(["40001", "40P01", "53300"]);

describe("database faults: PostgreSQL", () => {
  it.each(POSTGRES)("SQLSTATE %s is %s, from pg, from the adapter and inside Prisma's error", (code, fault) => {
    expect(databaseFault(pgError(code))).toBe(fault);
    if (ADAPTER_KINDS_FOR.has(code)) return; // the adapter names these itself (next test)
    expect(databaseFault(pgAdapterError(code))).toBe(fault);
    expect(databaseFault(prismaError("P2010", { driverAdapterError: pgAdapterError(code) }))).toBe(fault);
  });

  it("request errors and bugs are not faults", () => {
    for (const code of ["23505", "23503", "22P02", "42P01", "42601", "P0001"]) {
      expect(databaseFault(pgError(code)), code).toBeNull();
      expect(databaseFault(pgAdapterError(code)), code).toBeNull();
    }
  });

  it("the adapter's own kinds for connection and contention failures", () => {
    const kinds: [string, DatabaseFault][] = [
      ["DatabaseNotReachable", "unreachable"],
      ["ConnectionClosed", "unreachable"],
      ["TooManyConnections", "busy"],
      ["SocketTimeout", "busy"],
      ["TransactionWriteConflict", "busy"],
    ];
    for (const [kind, fault] of kinds) {
      expect(databaseFault(new DriverAdapterError({ kind } as never)), kind).toBe(fault);
      expect(databaseFault(prismaError("P2010", { driverAdapterError: new DriverAdapterError({ kind } as never) })), kind).toBe(fault);
    }
    expect(databaseFault(new DriverAdapterError({ kind: "UniqueConstraintViolation" } as never))).toBeNull();
  });

  it("socket errors are unreachable", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]) {
      expect(databaseFault(Object.assign(new Error(code), { code })), code).toBe("unreachable");
    }
  });
});

describe("database faults: Prisma's codes", () => {
  const PRISMA: [string, DatabaseFault][] = [
    ["P1001", "unreachable"], // can't reach the server
    ["P1002", "unreachable"], // reached but timed out
    ["P1017", "unreachable"], // server closed the connection
    ["P1008", "busy"], // operation timed out
    ["P2024", "busy"], // timed out fetching a connection from the pool
    ["P2028", "busy"], // transaction could not start (maxWait) or expired
    ["P2034", "busy"], // write conflict or deadlock: retry
  ];
  it.each(PRISMA)("%s is %s", (code, fault) => {
    expect(databaseFault(prismaError(code))).toBe(fault);
  });

  it("P2010 (a raw query failed) is judged by the driver's message when that is all it carries", () => {
    expect(databaseFault(prismaError("P2010", { message: "Raw query failed. Code: `5`. Message: `database is locked`" }))).toBe("busy");
    expect(databaseFault(prismaError("P2010", { message: "Raw query failed. Message: `attempt to write a readonly database`" }))).toBe("read_only");
    expect(databaseFault(prismaError("P2010", { message: "Raw query failed. Message: `database or disk is full`" }))).toBe("full");
    expect(databaseFault(prismaError("P2010", { message: "Raw query failed. Message: `disk I/O error`" }))).toBe("io");
    expect(databaseFault(prismaError("P2010", { message: "Raw query failed. Message: `no such column: x`" }))).toBeNull();
  });

  it("the caller's conflicts are not faults", () => {
    for (const code of ["P2002", "P2003", "P2025", "P2020"]) expect(databaseFault(prismaError(code)), code).toBeNull();
  });
});

describe("database faults: SQLite", () => {
  it("result codes from the adapter, primary and extended", () => {
    const codes: [number, DatabaseFault][] = [
      [5, "busy"], // SQLITE_BUSY
      [517, "busy"], // SQLITE_BUSY_SNAPSHOT
      [6, "busy"], // SQLITE_LOCKED
      [262, "busy"], // SQLITE_LOCKED_SHAREDCACHE
      [8, "read_only"], // SQLITE_READONLY
      [1032, "read_only"], // SQLITE_READONLY_DBMOVED
      [13, "full"], // SQLITE_FULL
      [14, "unreachable"], // SQLITE_CANTOPEN
      [10, "io"], // SQLITE_IOERR
      [266, "io"], // SQLITE_IOERR_READ
    ];
    for (const [code, fault] of codes) {
      expect(databaseFault(sqliteAdapterError(code)), String(code)).toBe(fault);
      expect(databaseFault(prismaError("P2010", { driverAdapterError: sqliteAdapterError(code) })), String(code)).toBe(fault);
    }
    for (const code of [1, 19, 2067]) expect(databaseFault(sqliteAdapterError(code)), String(code)).toBeNull(); // error, constraint
  });

  it("better-sqlite3's named codes and messages", () => {
    const named: [string, DatabaseFault][] = [
      ["SQLITE_BUSY", "busy"],
      ["SQLITE_BUSY_TIMEOUT", "busy"],
      ["SQLITE_LOCKED", "busy"],
      ["SQLITE_READONLY", "read_only"],
      ["SQLITE_READONLY_DBMOVED", "read_only"],
      ["SQLITE_FULL", "full"],
      ["SQLITE_CANTOPEN", "unreachable"],
      ["SQLITE_IOERR_WRITE", "io"],
    ];
    for (const [code, fault] of named) expect(databaseFault(sqliteError(code)), code).toBe(fault);
    expect(databaseFault(sqliteError("SQLITE_CONSTRAINT_UNIQUE"))).toBeNull();
    expect(databaseFault(Object.assign(new Error("database table is locked"), { name: "SqliteError" }))).toBe("busy");
  });
});

describe("database faults: anything else", () => {
  it("is not a fault, and a cycle of causes ends", () => {
    for (const e of [null, undefined, "database is locked", 42, new Error("database is locked"), new TypeError("x")]) expect(databaseFault(e)).toBeNull();
    const a: { cause?: unknown } = {};
    const b = { cause: a };
    a.cause = b;
    expect(databaseFault(a)).toBeNull();
  });

  it("finds a fault a few causes down", () => {
    expect(databaseFault(new Error("job failed", { cause: new Error("write failed", { cause: pgError("55P03") }) }))).toBe("busy");
  });
});

describe("unavailableFor", () => {
  it("is a 503 domain error with the fault's message and retry delay, keeping the cause", () => {
    const cause = pgError("55P03");
    const expected: Record<DatabaseFault, number> = { busy: 1, unreachable: 5, read_only: 30, full: 30, io: 30 };
    for (const [fault, retry] of Object.entries(expected) as [DatabaseFault, number][]) {
      const e = unavailableFor(fault, cause);
      expect(e).toBeInstanceOf(UnavailableError);
      expect(e.message).toBe(describeFault(fault));
      expect(e.details.retryAfterSeconds).toBe(retry);
      expect(e.cause).toBe(cause);
    }
    expect(describeFault("busy")).toMatch(/busy/);
    expect(describeFault("read_only")).toMatch(/read-only/);
    expect(describeFault("full")).toMatch(/disk space/);
  });
});
