import { z } from "zod";
import { isReservedUsername, RESERVED_USERNAMES } from "../audit/actors";

// Names Grace itself writes into the audit log as actors (lib/audit/actors.ts): nobody may
// register as one of them, in any case, or they would see the system's entries as their own.
export { RESERVED_USERNAMES };

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "may contain letters, digits, '_', '.' and '-' only")
  .refine((name) => !isReservedUsername(name), "is reserved");

export const passwordSchema = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(256, "must be at most 256 characters");

export const credentialsSchema = z.object({
  username: z.string().trim().min(1, "is required").max(64, "must be at most 64 characters"),
  password: z.string().min(1, "is required").max(256, "must be at most 256 characters"),
});

export const registerSchema = z.object({ username: usernameSchema, password: passwordSchema });

export const roleSchema = z.enum(["admin", "user"]);
export type Role = z.infer<typeof roleSchema>;

export const changePasswordSchema = z.object({
  current_password: z.string().min(1, "is required").max(256, "must be at most 256 characters"),
  new_password: passwordSchema,
});

/** An admin creates an account: the password is temporary, to be changed at first sign-in. */
export const createUserSchema = z.object({ username: usernameSchema, password: passwordSchema, role: roleSchema.default("user") });

export const updateUserSchema = z
  .object({ role: roleSchema.optional(), disabled: z.boolean().optional(), temporary_password: passwordSchema.optional() })
  .strict()
  .refine((b) => b.role !== undefined || b.disabled !== undefined || b.temporary_password !== undefined, "must change role, disabled or temporary_password")
  // Each is a governed action a policy may hold on its own: together, one could be applied and
  // the other held, leaving the request half done.
  .refine((b) => !(b.role !== undefined && b.disabled === true), { path: ["disabled"], message: "cannot be set with role: change the role and disable the account in two requests" });

export type AuthUser = { id: number; username: string; role: Role };
