import type { Metadata } from "next";
import { SignOutButton } from "@/components/auth/sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function LogoutPage() {
  return (
    <>
      <h1 className="mb-2 text-lg font-semibold text-slate-900">Sign out</h1>
      <p className="mb-4 text-sm text-slate-600">
        This ends your browser sessions on every device you are signed in on. Your API tokens keep working until you revoke them in Settings.
      </p>
      <SignOutButton className="w-full" />
    </>
  );
}
