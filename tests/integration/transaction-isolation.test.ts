import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
import { afterCommit } from "../../lib/db/after-commit";
import { createUser, db } from "../helpers/api";

// On SQLite every process has one connection; these hold only if queries outside a
// transaction never run inside someone else's open one.
describe("queries outside a transaction", () => {
  it("never see another transaction's uncommitted rows, and their writes survive its rollback", async () => {
    const bystander = await createUser();
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    const failing = writeTransaction(async (tx) => {
      await tx.user.create({ data: { username: "uncommitted-ghost", passwordHash: "x" } });
      inside();
      await sleep(100);
      throw new Error("roll back");
    });
    // Its outcome is read at once: on SQLite the queries below wait for it to end, and a
    // rejection nobody was listening for yet is an unhandled one, whatever the test awaits later.
    const outcome = failing.then(
      () => "committed",
      (error: Error) => error.message,
    );
    await opened;
    const [seen] = await Promise.all([
      db.user.findUnique({ where: { username: "uncommitted-ghost" } }),
      db.user.update({ where: { id: bystander.id }, data: { role: "admin" } }),
    ]);
    expect(await outcome).toBe("roll back");
    expect(seen).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: bystander.id } })).role).toBe("admin");
    expect(await db.user.findUnique({ where: { username: "uncommitted-ghost" } })).toBeNull();
  });
});

describe("work registered to run after a commit", () => {
  it("runs once its transaction commits, and never when it rolls back", async () => {
    const ran: string[] = [];
    await writeTransaction(async (tx) => {
      afterCommit({ tx, run: () => ran.push("committed") });
      await tx.user.count();
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(["committed"]);
    const rolledBack = writeTransaction(async (tx) => {
      afterCommit({ tx, run: () => ran.push("rolled back") });
      throw new Error("roll back");
    }).catch((error: Error) => error.message);
    expect(await rolledBack).toBe("roll back");
    await sleep(20);
    expect(ran).toEqual(["committed"]);
  });
});
