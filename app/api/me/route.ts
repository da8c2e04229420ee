import { route } from "@/lib/api/route";

export const GET = route({}, async ({ user, via }) => ({ id: user.id, username: user.username, role: user.role, authenticated_by: via }));
