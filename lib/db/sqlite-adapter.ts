// better-sqlite3 gives each process one connection. Prisma's adapter serialises transactions
// on it, but a query made outside a transaction runs on the same connection *inside* whatever
// transaction is open: it reads uncommitted rows, and a write rolls back with someone else's
// failure. This factory makes every top-level query wait for the open transaction to end
// (and a new transaction wait for top-level queries), so each one sees committed state only.
import { Mutex } from "async-mutex";
import { config } from "../config";
import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from "@prisma/driver-adapter-utils";

export class SerializedSqliteFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: SqlDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    // In WAL mode, NORMAL syncs at checkpoints rather than at every commit: a crash of the
    // process loses nothing and the database is never corrupted; a power cut may lose the
    // last transactions. FULL (GRACE_SQLITE_SYNCHRONOUS=FULL) trades speed for that too.
    await adapter.executeScript(`PRAGMA synchronous = ${config.sqliteSynchronous}`);
    return serialize(adapter);
  }
}

function serialize(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const mutex = new Mutex();
  const gated: Partial<SqlDriverAdapter> = {
    queryRaw: (query) => mutex.runExclusive(() => adapter.queryRaw(query)),
    executeRaw: (query) => mutex.runExclusive(() => adapter.executeRaw(query)),
    executeScript: (script) => mutex.runExclusive(() => adapter.executeScript(script)),
    async startTransaction(isolationLevel) {
      const release = await mutex.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
  return new Proxy(adapter, {
    get: (target, prop, receiver) => (prop in gated ? gated[prop as keyof SqlDriverAdapter] : bind(Reflect.get(target, prop, receiver), target)),
  });
}

function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const end = (fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  const ends = { commit: end(() => tx.commit()), rollback: end(() => tx.rollback()) };
  return new Proxy(tx, {
    get: (target, prop, receiver) => (prop in ends ? ends[prop as keyof typeof ends] : bind(Reflect.get(target, prop, receiver), target)),
  });
}

function bind(value: unknown, target: object) {
  return typeof value === "function" ? value.bind(target) : value;
}
