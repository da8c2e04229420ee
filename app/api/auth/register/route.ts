import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { registerSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";

// Self sign-up, when GRACE_OPEN_REGISTRATION is on: creates the user and their first token.
export const POST = route({ access: "public", body: registerSchema }, async ({ body, ip }) => json(await signUp({ username: body.username, password: body.password, ip }), { status: 201 }));
