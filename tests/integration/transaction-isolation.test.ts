import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { writeTransaction } from "../../lib/db/transaction";
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
    await opened;
    const [seen] = await Promise.all([
      db.user.findUnique({ where: { username: "uncommitted-ghost" } }),
      db.user.update({ where: { id: bystander.id }, data: { role: "admin" } }),
    ]);
    await expect(failing).rejects.toThrow("roll back");
    expect(seen).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: bystander.id } })).role).toBe("admin");
    expect(await db.user.findUnique({ where: { username: "uncommitted-ghost" } })).toBeNull();
  });
});
