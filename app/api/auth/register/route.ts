import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { ForbiddenError } from "@/lib/errors";
import { config } from "@/lib/config";
import { registerSchema } from "@/lib/auth/schemas";
import { hashPassword, registerUser } from "@/lib/auth/register-user";
import { writeTransaction } from "@/lib/db/transaction";
import { issueLoginToken } from "@/lib/tokens/issue-login-token";

// Self sign-up, when GRACE_OPEN_REGISTRATION is on: creates the user and their first token.
export const POST = route({ access: "public", body: registerSchema }, async ({ body, ip }) => {
  if (!config.openRegistration) throw new ForbiddenError("Registration is closed: ask an admin for an account");
  const passwordHash = await hashPassword(body.password);
  const token = await writeTransaction(async (tx) => {
    const user = await registerUser(tx, { username: body.username, passwordHash });
    return issueLoginToken(tx, { user, ip });
  });
  return json(token, { status: 201 });
});
