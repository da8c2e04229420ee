import { route } from "@/lib/api/route";
import { userState } from "@/lib/auth/user-state";

// Answers a user with a temporary password too: clients learn from it what they must do.
export const GET = route({ allowPasswordChangeRequired: true }, async ({ user, via }) => {
  const state = await userState(user.id);
  return { id: user.id, username: user.username, role: user.role, authenticated_by: via, must_change_password: state?.mustChangePassword ?? false };
});
