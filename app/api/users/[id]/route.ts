import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { hashPassword } from "@/lib/auth/password";
import { updateUserSchema } from "@/lib/auth/schemas";
import { writeTransaction } from "@/lib/db/transaction";
import { governed } from "@/lib/governance/govern";
import { serializeUser } from "@/lib/users/serialize-user";
import { updateUser } from "@/lib/users/update-user";

const params = idParams("a user id");

// {role?, disabled?, temporary_password?}: each change ends the user's sessions except enabling.
export const PATCH = route({ access: "admin", params, body: updateUserSchema }, async ({ user: admin, params, body }) => {
  const temporaryPasswordHash = body.temporary_password === undefined ? undefined : await hashPassword(body.temporary_password);
  // A role change and disabling are governed actions of their own (each may be held or blocked
  // by a policy); enabling and a temporary password are not.
  if (body.role !== undefined) await governed({ actor: admin, action: "user.role_change", payload: { user_id: params.id, role: body.role } });
  if (body.disabled === true) await governed({ actor: admin, action: "user.disable", payload: { user_id: params.id } });
  const rest = { disabled: body.disabled === false ? false : undefined, temporaryPasswordHash };
  const updated = await writeTransaction((tx) => updateUser({ tx, admin, userId: params.id, changes: rest }));
  return serializeUser(updated);
});

// {deleted: true, user, removed: {…counts}, kept: {…}}: see lib/users/delete-user.ts for what goes and what stays.
export const DELETE = route({ access: "admin", params }, async ({ user: admin, params }) => {
  return governed({ actor: admin, action: "user.delete", payload: { user_id: params.id } });
});
