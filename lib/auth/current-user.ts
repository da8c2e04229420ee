// The signed-in user for server components and pages (route handlers use lib/api instead).
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { db } from "../db/client";
import { authSecret } from "./secret";
import { sessionCookieName } from "./session-cookie";
import { toAuthUser } from "./sign-in";
import type { AuthUser } from "./schemas";

export async function currentUser(): Promise<AuthUser | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const jwt = await decode({ token, secret: authSecret() }).catch(() => null);
  const id = Number(jwt?.sub);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await db.user.findUnique({ where: { id } });
  return user && !user.disabledAt ? toAuthUser(user) : null;
}
