// Database faults that are nobody's request's fault: the database is locked by another
// process, read-only, out of space or unreachable. They become UnavailableError (503 with
// Retry-After) with a message that says what is wrong, so a client retries instead of
// reporting a bug — and the health check can say the same thing.
import { UnavailableError } from "../errors";

export type DatabaseFault = "busy" | "read_only" | "full" | "unreachable" | "io";

const MESSAGES: Record<DatabaseFault, string> = {
  busy: "The database is busy (locked by another writer); retry in a moment",
  read_only: "The database cannot be written (its file or server is read-only); an operator must fix this",
  full: "The database is out of disk space; an operator must free some",
  unreachable: "The database cannot be reached; retry in a moment",
  io: "The database reported a disk error; an operator must check it",
};
const RETRY_AFTER: Record<DatabaseFault, number> = { busy: 1, unreachable: 5, read_only: 30, full: 30, io: 30 };

// SQLite primary result codes (https://www.sqlite.org/rescode.html).
const SQLITE: Record<number, DatabaseFault> = { 5: "busy", 6: "busy", 8: "read_only", 10: "io", 13: "full", 14: "unreachable" };
const SQLITE_NAMES: [RegExp, DatabaseFault][] = [
  [/SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i, "busy"],
  [/SQLITE_READONLY|attempt to write a readonly database|read-only/i, "read_only"],
  [/SQLITE_FULL|database or disk is full|No space left/i, "full"],
  [/SQLITE_CANTOPEN|unable to open database/i, "unreachable"],
  [/SQLITE_IOERR|disk I\/O error/i, "io"],
];
// PostgreSQL SQLSTATEs by class or exact code.
function postgresFault(code: string): DatabaseFault | null {
  if (code === "53100") return "full"; // disk_full
  if (code === "25006") return "read_only"; // read_only_sql_transaction (a standby, or default_transaction_read_only)
  if (["55P03", "40001", "40P01", "57014"].includes(code)) return "busy"; // lock timeout, serialization, deadlock, statement timeout
  if (code.startsWith("08") || ["53300", "57P01", "57P02", "57P03"].includes(code)) return "unreachable";
  if (code.startsWith("58")) return "io";
  return null;
}
// Prisma's own codes: P1001/P1002 unreachable, P1008 timeout, P1017 connection closed,
// P2024 pool timeout, P2028 transaction could not start in time, P2034 write conflict.
const PRISMA: Record<string, DatabaseFault> = { P1001: "unreachable", P1002: "unreachable", P1017: "unreachable", P1008: "busy", P2024: "busy", P2028: "busy", P2034: "busy" };
const ADAPTER_KINDS: Record<string, DatabaseFault> = {
  DatabaseNotReachable: "unreachable",
  ConnectionClosed: "unreachable",
  TooManyConnections: "busy",
  SocketTimeout: "busy",
  TransactionWriteConflict: "busy",
};

type Inspectable = { code?: unknown; name?: unknown; message?: unknown; kind?: unknown; extendedCode?: unknown; cause?: unknown; meta?: unknown };

/** What kind of database fault `error` is (looking through its causes), or null when it is not one. */
export function databaseFault(error: unknown): DatabaseFault | null {
  const seen = new Set<unknown>();
  let e = error as Inspectable | undefined;
  for (let depth = 0; e && typeof e === "object" && !seen.has(e) && depth < 8; depth++) {
    seen.add(e);
    const found = faultOf(e);
    if (found) return found;
    const meta = e.meta as { driverAdapterError?: unknown } | undefined;
    e = (meta?.driverAdapterError ?? e.cause) as Inspectable | undefined;
  }
  return null;
}

function faultOf(e: Inspectable): DatabaseFault | null {
  if (typeof e.kind === "string") {
    if (ADAPTER_KINDS[e.kind]) return ADAPTER_KINDS[e.kind];
    if (e.kind === "sqlite" && typeof e.extendedCode === "number") return SQLITE[e.extendedCode & 0xff] ?? null;
    if (e.kind === "postgres" && typeof e.code === "string") return postgresFault(e.code);
  }
  if (typeof e.code === "string") {
    if (PRISMA[e.code]) return PRISMA[e.code];
    if (/^SQLITE_/.test(e.code)) return SQLITE_NAMES.find(([re]) => re.test(e.code as string))?.[1] ?? null;
    if (/^[0-9A-Z]{5}$/.test(e.code)) {
      const pg = postgresFault(e.code);
      if (pg) return pg;
    }
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"].includes(e.code)) return "unreachable";
  }
  // Raw queries surface driver failures as P2010 with the driver's message only.
  if (typeof e.message === "string" && (e.code === "P2010" || e.name === "SqliteError" || e.name === "DriverAdapterError")) {
    return SQLITE_NAMES.find(([re]) => re.test(e.message as string))?.[1] ?? null;
  }
  return null;
}

/** The fault as a domain error (503 + Retry-After), keeping the original as its cause for the log. */
export function unavailableFor(fault: DatabaseFault, cause?: unknown): UnavailableError {
  return new UnavailableError(MESSAGES[fault], { retryAfterSeconds: RETRY_AFTER[fault], cause });
}

export function describeFault(fault: DatabaseFault): string {
  return MESSAGES[fault];
}
