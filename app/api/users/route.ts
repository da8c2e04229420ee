import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { page, paginationQuery } from "@/lib/api/pagination";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema } from "@/lib/auth/schemas";
import { governed } from "@/lib/governance/govern";
import { listUsers } from "@/lib/users/list-users";
import { serializeUser } from "@/lib/users/serialize-user";

export const GET = route({ access: "admin", query: paginationQuery }, async ({ query }) => {
  const rows = await listUsers({ limit: query.limit, afterId: query.cursor });
  const { items, next_cursor } = page(rows, query.limit, (u) => u.id);
  return { items: items.map(serializeUser), next_cursor };
});

// The password is temporary: the new user chooses their own at first sign-in.
export const POST = route({ access: "admin", body: createUserSchema }, async ({ user: admin, body }) => {
  const passwordHash = await hashPassword(body.password);
  const created = await governed({ actor: admin, action: "user.register", payload: { username: body.username, role: body.role, password_hash: passwordHash } });
  return json(serializeUser(created), { status: 201 });
});
