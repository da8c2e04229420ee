import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { sessionSetCookie } from "@/lib/auth/session-cookie";
import { writeTransaction } from "@/lib/db/transaction";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

// "Sign out everywhere": every browser session ends (this one too) and the tokens from API
// sign-ins are revoked; personal tokens stay. Allowed in read-only mode, like signing out.
export const DELETE = route({ allowReadOnly: true, allowPasswordChangeRequired: true }, async ({ user, via }) => {
  const result = await writeTransaction((tx) => signOutEverywhere({ tx, user, via }));
  return json(result, { headers: via === "session" ? { "Set-Cookie": sessionSetCookie(null) } : undefined });
});
