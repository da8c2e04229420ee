// next-auth's own endpoints (sign-in callback, sign-out, session, CSRF token). The one
// route not built with lib/api/route: next-auth authenticates these itself.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";

export const dynamic = "force-dynamic";

const handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => NextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
