import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { hashPassword } from "@/lib/auth/password";
import { updateUserSchema } from "@/lib/auth/schemas";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteUser } from "@/lib/users/delete-user";
import { serializeUser } from "@/lib/users/serialize-user";
import { updateUser } from "@/lib/users/update-user";

const params = idParams("a user id");

// {role?, disabled?, temporary_password?}: each change ends the user's sessions except enabling.
export const PATCH = route({ access: "admin", params, body: updateUserSchema }, async ({ user: admin, params, body }) => {
  const temporaryPasswordHash = body.temporary_password === undefined ? undefined : await hashPassword(body.temporary_password);
  const updated = await writeTransaction((tx) => updateUser({ tx, admin, userId: params.id, changes: { role: body.role, disabled: body.disabled, temporaryPasswordHash } }));
  return serializeUser(updated);
});

// {deleted: true, user, removed: {…counts}, kept: {…}}: see lib/users/delete-user.ts for what goes and what stays.
export const DELETE = route({ access: "admin", params }, async ({ user: admin, params }) => {
  return writeTransaction((tx) => deleteUser({ tx, admin, userId: params.id }));
});
