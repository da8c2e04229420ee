import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { currentUser } from "@/lib/auth/current-user";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; registered?: string }> }) {
  if (await currentUser()) redirect("/dashboard");
  const { callbackUrl, registered } = await searchParams;
  // Only same-site paths: never bounce a fresh session to another site.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Sign in</h1>
      <LoginForm callbackUrl={target} registered={registered === "1"} />
      {config.openRegistration && (
        <p className="mt-4 text-center text-sm text-slate-600">
          No account?{" "}
          <Link href="/register" className="font-medium text-indigo-600 hover:text-indigo-500">
            Register
          </Link>
        </p>
      )}
    </>
  );
}
