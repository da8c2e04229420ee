// The signed-in user for server components and pages (route handlers use lib/api instead).
// The same check as the API's: a cookie whose session was ended (signed out, password or role
// changed, disabled, deleted) is no session.
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { changePasswordPath, PATH_HEADER, signInPath } from "./callback-url";
import { activeSession, readSessionClaims, sessionCookieName, type ActiveSession } from "./session-cookie";
import type { AuthUser } from "./schemas";


/**
 * The live session, whatever state the account is in (the change-password page reads this).
 * Next's server build gives pages their own instance of lib/ modules, apart from the route
 * handlers', so a sign-out handled by the API does not reach the pages' copy in-process: pages
 * read the version row on every render (one primary-key read; pages are far rarer than API calls).
 */
export async function currentSession(): Promise<ActiveSession | null> {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return activeSession(await readSessionClaims(token), { maxAgeMs: 0 });
}

/**
 * The signed-in user of a page that needs a usable account. Someone with a temporary password
 * is sent to choose their own first: every signed-in page goes through here.
 */
export async function currentUser(): Promise<AuthUser | null> {
  const session = await currentSession();
  if (session?.mustChangePassword) redirect(changePasswordPath((await headers()).get(PATH_HEADER)));
  return session?.user ?? null;
}

/**
 * The signed-in user of a page that needs one; anyone else is sent to sign in and comes back to
 * this page afterwards (proxy.ts passes its path). The (app) layout and each page that reads
 * the user call it: Next renders a layout and its page at once, so a page cannot count on the
 * layout's redirect having stopped it.
 */
export async function requireUser(): Promise<AuthUser> {
  const user = await currentUser();
  if (!user) redirect(signInPath((await headers()).get(PATH_HEADER)));
  return user;
}
