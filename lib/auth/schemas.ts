import { z } from "zod";

// Names Grace itself uses as audit-log actors; nobody may register as one of them.
export const RESERVED_USERNAMES = ["system", "worker", "anonymous", "unknown", "grace"];

export const usernameSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(64, "must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "may contain letters, digits, '_', '.' and '-' only")
  .refine((name) => !RESERVED_USERNAMES.includes(name.toLowerCase()), "is reserved");

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

export type AuthUser = { id: number; username: string; role: Role };
