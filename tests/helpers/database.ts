// Raw access for tests that play the attacker (edit or delete log rows) or inspect state.
import { db } from "../../lib/db/client";
import { databaseConfig } from "../../lib/db/config";

export const provider = databaseConfig().provider;

/** Drops the append-only triggers, as someone with direct database access could. */
export async function dropLogTriggers() {
  if (provider === "sqlite") {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update"`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_delete"`);
  } else {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "LogEntry_no_update_delete" ON "LogEntry"`);
  }
}
