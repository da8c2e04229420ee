import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Register" };
export const dynamic = "force-dynamic";

export default function RegisterPage() {
  if (!config.openRegistration) {
    // Sign-up is off (GRACE_OPEN_REGISTRATION): say so, and where an account comes from instead.
    return (
      <>
        <h1 className="mb-2 text-lg font-semibold text-slate-900">Sign-up is closed</h1>
        <p className="text-sm text-slate-600">This Grace does not let people create their own accounts. Ask an administrator for one: they create it in Settings → Users and give you a temporary password, which you replace with your own when you first sign in.</p>
        <SignInLink />
      </>
    );
  }
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Create an account</h1>
      <RegisterForm />
      <SignInLink />
    </>
  );
}

function SignInLink() {
  return (
    <p className="mt-4 text-center text-sm text-slate-600">
      Have an account?{" "}
      <Link href="/login" className="font-medium text-indigo-700 hover:text-indigo-600">
        Sign in
      </Link>
    </p>
  );
}
