import { db as defaultDb, type Db, type Tx } from "./client";
import { noteWriteFailure } from "./write-availability";
import { collectAfterCommit, runAfterCommit } from "./after-commit";

/**
 * A transaction for a state change that is audited. Its first statement takes the log's
 * head row (a row lock on PostgreSQL, the write lock on SQLite), so reads that follow see
 * a stable state and the audit append cannot fail half-way on a lock upgrade. Keep the body
 * short: audited writes are serialised. Callbacks given to afterCommit inside it run once it commits.
 */
export async function writeTransaction<T>(fn: (tx: Tx) => Promise<T>, db: Db = defaultDb): Promise<T> {
  let committed: (() => void)[] = [];
  try {
    const result = await db.$transaction(
      async (tx) => {
        committed = collectAfterCommit({ tx });
        await tx.$executeRaw`UPDATE "LogHead" SET "sequence" = "sequence" WHERE "id" = 1`;
        return fn(tx);
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
    runAfterCommit(committed);
    return result;
  } catch (error) {
    noteWriteFailure(error); // a read-only or full database: later writes answer 503 at once
    throw error;
  }
}
