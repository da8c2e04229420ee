import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { currentSession } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

// Where a temporary password leads: every signed-in page sends the user here until they
// have chosen their own (lib/auth/current-user.ts), and the API answers 403 meanwhile.
export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const session = await currentSession();
  const { callbackUrl } = await searchParams;
  const returnTo = safeCallbackUrl(typeof callbackUrl === "string" ? callbackUrl : null);
  if (!session) redirect("/login");
  if (!session.mustChangePassword) redirect("/settings#password");
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold text-slate-900">Choose a new password</h1>
      <p className="mb-4 text-sm text-slate-600">
        Signed in as <strong className="font-medium text-slate-900">{session.user.username}</strong> with a temporary password. Choose your own to continue.
      </p>
      <ChangePasswordForm temporary returnTo={returnTo} />
      <p className="mt-4 text-center text-sm text-slate-600">
        Not now?{" "}
        <Link href="/logout" className="font-medium text-indigo-600 hover:text-indigo-500">
          Sign out
        </Link>
      </p>
    </>
  );
}
