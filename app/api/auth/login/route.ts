import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { credentialsSchema } from "@/lib/auth/schemas";
import { signIn } from "@/lib/auth/sign-in";
import { issueLoginToken } from "@/lib/tokens/issue-login-token";

// Legacy login: {username, password} → {access_token, token_type: "bearer"}. With a temporary
// password the token is issued too, with `must_change_password: true`: until the password is
// changed (POST /api/me/password with that token) every other call answers 403.
export const POST = route({ access: "public", body: credentialsSchema, allowReadOnly: true }, async ({ body, ip }) => {
  const result = await signIn({ ...body, ip, via: "api", onSuccess: (tx, user) => issueLoginToken({ tx, user, ip }) });
  if (result.ok) return json(result.mustChangePassword ? { ...result.extra, must_change_password: true } : result.extra);
  if (result.reason === "locked") {
    throw new RateLimitedError("Too many failed sign-in attempts; try again later", result.retryAfterSeconds);
  }
  throw new UnauthorizedError("Incorrect username or password");
});
