// The last active admin can be neither demoted, disabled nor deleted: nobody could manage
// accounts or leave read-only mode afterwards. A fresh database per file: these count admins.
import { describe, expect, it } from "vitest";
import * as oneUser from "../../app/api/users/[id]/route";
import { writeTransaction } from "../../lib/db/transaction";
import { deleteUser } from "../../lib/users/delete-user";
import { updateUser } from "../../lib/users/update-user";
import { call, createUser, db, tokenFor } from "../helpers/api";

describe("the last admin", async () => {
  const first = await createUser({ role: "admin" });
  const second = await createUser({ role: "admin" });
  const patch = (bearer: string, id: number, body: unknown) => call(oneUser.PATCH, { method: "PATCH", bearer, params: { id: String(id) }, body });

  it("counts only admins who are not disabled", async () => {
    const token = await tokenFor(first);
    // With two active admins one may step down.
    expect((await patch(token, first.id, { role: "user" })).status).toBe(200);
    expect((await patch(await tokenFor(second), first.id, { role: "admin" })).status).toBe(200);

    const firstToken = await tokenFor(first);
    expect((await patch(firstToken, second.id, { disabled: true })).status).toBe(200);
    // The second is still an admin, but disabled: the first is the last active one.
    const demote = await patch(firstToken, first.id, { role: "user" });
    expect(demote.status).toBe(409);
    expect(demote.json.error.message).toBe("This is the last active admin: it cannot be made a user. Make another account an admin first");
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("admin");
    expect((await patch(firstToken, second.id, { disabled: false })).status).toBe(200);
  });

  it("two admins demoting each other at once: one succeeds, the other is refused", async () => {
    const [a, b] = [await tokenFor(first), await tokenFor(second)];
    const results = await Promise.all([patch(a, second.id, { role: "user" }), patch(b, first.id, { role: "user" })]);
    const [won, lost] = results.map((r) => r.status).sort();
    expect(won).toBe(200);
    // 409 when both were admins as they asked; 403 when one's demotion landed before the other asked.
    expect([403, 409]).toContain(lost);
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  it("is not deleted, disabled or demoted whoever asks", async () => {
    const last = await db.user.findFirstOrThrow({ where: { role: "admin", disabledAt: null } });
    // An admin object from before a demotion (the check is on the target, inside the transaction).
    const other = { id: last.id === first.id ? second.id : first.id, username: "someone" };
    for (const attempt of [
      () => writeTransaction((tx) => deleteUser({ tx, admin: other, userId: last.id })),
      () => writeTransaction((tx) => updateUser({ tx, admin: other, userId: last.id, changes: { disabled: true } })),
      () => writeTransaction((tx) => updateUser({ tx, admin: other, userId: last.id, changes: { role: "user" } })),
    ]) {
      await expect(attempt()).rejects.toThrow(/last active admin/);
    }
    const after = await db.user.findUniqueOrThrow({ where: { id: last.id } });
    expect(after).toMatchObject({ role: "admin", disabledAt: null });
  });
});
