import { db as defaultDb, type Db, type Tx } from "./client";

/**
 * A transaction for a state change that is audited. Its first statement takes the log's
 * head row (a row lock on PostgreSQL, the write lock on SQLite), so reads that follow see
 * a stable state and the audit append cannot fail half-way on a lock upgrade. Keep the body
 * short: audited writes are serialised.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, db: Db = defaultDb): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`UPDATE "LogHead" SET "sequence" = "sequence" WHERE "id" = 1`;
      return fn(tx);
    },
    { maxWait: 15_000, timeout: 30_000 },
  );
}
