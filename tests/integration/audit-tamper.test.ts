import { describe, expect, it } from "vitest";
import { append, verifyLog } from "../../lib/audit";
import { writeTransaction } from "../../lib/db/transaction";
import { db } from "../helpers/api";
import { dropLogTriggers } from "../helpers/database";

// Plays an attacker with direct database access: the log must say exactly where it was changed.
describe("tampering with the audit log", () => {
  it("verify names an edited entry, a deleted entry and a deleted tail", async () => {
    for (let i = 0; i < 10; i++) {
      await writeTransaction((tx) => append({ tx, actor: "tester", action: "test.append", resource: `item:${i}`, subsystem: "test", payload: { i }, result: "success" }));
    }
    const total = (await db.logHead.findUniqueOrThrow({ where: { id: 1 } })).sequence;
    await dropLogTriggers();

    await db.$executeRawUnsafe(`UPDATE "LogEntry" SET "payload" = '{"i":999}' WHERE "sequence" = 4`);
    const edited = await verifyLog({ db });
    expect(edited).toMatchObject({ valid: false, first_bad_sequence: 4, checked: 3 });

    await db.$executeRawUnsafe(`DELETE FROM "LogEntry" WHERE "sequence" = 4`);
    // Verify from the start: 4 is now missing, so it is still the first bad one.
    expect(await verifyLog({ db })).toMatchObject({ valid: false, first_bad_sequence: 4 });
    // Checking from 5 on, 5's predecessor is gone.
    expect((await verifyLog({ db, fromSequence: 5 })).first_bad_sequence).toBe(4);

    await db.$executeRawUnsafe(`DELETE FROM "LogEntry" WHERE "sequence" >= ${total - 1}`);
    expect((await verifyLog({ db, fromSequence: 6 })).first_bad_sequence).toBe(total - 1);
  });
});
