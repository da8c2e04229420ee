import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; registered?: string }> }) {
  const { callbackUrl, registered } = await searchParams;
  // A page opened while signed out sends its path here (lib/auth/current-user.ts); only paths
  // on this site are followed.
  const target = safeCallbackUrl(typeof callbackUrl === "string" ? callbackUrl : null);
  if (await currentUser()) redirect(target);
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Sign in</h1>
      <LoginForm callbackUrl={target} registered={registered === "1"} />
      {config.openRegistration && (
        <p className="mt-4 text-center text-sm text-slate-600">
          No account?{" "}
          <Link href="/register" className="font-medium text-indigo-700 hover:text-indigo-600">
            Register
          </Link>
        </p>
      )}
    </>
  );
}
