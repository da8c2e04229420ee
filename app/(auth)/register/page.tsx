import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Register" };
export const dynamic = "force-dynamic";

export default function RegisterPage() {
  if (!config.openRegistration) notFound();
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold text-slate-900">Create an account</h1>
      <RegisterForm />
      <p className="mt-4 text-center text-sm text-slate-600">
        Have an account?{" "}
        <Link href="/login" className="font-medium text-indigo-600 hover:text-indigo-500">
          Sign in
        </Link>
      </p>
    </>
  );
}
