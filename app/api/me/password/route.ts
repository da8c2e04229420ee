import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { encodeSession, sessionSetCookie } from "@/lib/auth/session-cookie";
import { changePassword } from "@/lib/users/change-password";

// Change one's own password (the one route a temporary password still opens). Every other
// session ends; a browser's own session continues with a re-issued cookie, a token caller's
// token keeps working.
export const POST = route({ body: changePasswordSchema, allowPasswordChangeRequired: true }, async ({ user, via, token, ip, body }) => {
  const { sessionVersion, loginTokensRevoked } = await changePassword({ user, currentPassword: body.current_password, newPassword: body.new_password, ip, keepTokenId: token?.id });
  const headers = via === "session" ? { "Set-Cookie": sessionSetCookie(await encodeSession(user, sessionVersion)) } : undefined;
  return json({ changed: true, other_sessions_ended: true, login_tokens_revoked: loginTokensRevoked }, { headers });
});
