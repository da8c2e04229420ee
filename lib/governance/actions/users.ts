// User administration. Names are the ones the audit log already uses for these changes
// (an admin creating an account is recorded as user.register).
import { z } from "zod";
import { idSchema } from "../../api/params";
import { roleSchema, usernameSchema } from "../../auth/schemas";
import { createUser } from "../../users/create-user";
import { deleteUser } from "../../users/delete-user";
import { serializeUser } from "../../users/serialize-user";
import { updateUser } from "../../users/update-user";
import { defineAction } from "./define";

export const userCreate = defineAction({
  name: "user.register",
  label: "Create an account",
  // The password arrives hashed (hashing is slow and the plain one must never be stored).
  payload: z.object({ username: usernameSchema, role: roleSchema.default("user"), password_hash: z.string().min(1).max(500) }),
  resource: (p) => `user:${p.username}`,
  perform: async ({ tx, actor, payload }) => createUser({ tx, admin: actor, username: payload.username, passwordHash: payload.password_hash, role: payload.role }),
  summarize: serializeUser,
});

export const userRoleChange = defineAction({
  name: "user.role_change",
  label: "Change an account's role",
  payload: z.object({ user_id: idSchema("a user id"), role: roleSchema }),
  resource: (p) => `user:${p.user_id}`,
  perform: async ({ tx, actor, payload }) => updateUser({ tx, admin: actor, userId: payload.user_id, changes: { role: payload.role } }),
  summarize: serializeUser,
});

export const userDisable = defineAction({
  name: "user.disable",
  label: "Disable an account",
  payload: z.object({ user_id: idSchema("a user id") }),
  resource: (p) => `user:${p.user_id}`,
  perform: async ({ tx, actor, payload }) => updateUser({ tx, admin: actor, userId: payload.user_id, changes: { disabled: true } }),
  summarize: serializeUser,
});

export const userDelete = defineAction({
  name: "user.delete",
  label: "Delete an account",
  payload: z.object({ user_id: idSchema("a user id") }),
  resource: (p) => `user:${p.user_id}`,
  perform: async ({ tx, actor, payload }) => deleteUser({ tx, admin: actor, userId: payload.user_id }),
});
