"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Ends every browser session of the account (this one too) and revokes API sign-in tokens. */
export function SignOutEverywhere() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOutEverywhere() {
    if (!window.confirm("Sign out everywhere? Every browser, this one included, must sign in again, and tokens made by signing in through the API stop working.")) return;
    setPending(true);
    setProblem(null);
    try {
      await fetchJson("/api/me/sessions", { method: "DELETE" });
      router.replace("/login");
      router.refresh();
    } catch (e) {
      setProblem((e as Error).message);
      setPending(false);
    }
  }

  return (
    <div className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-600">
        Lost a device, or signed in on a computer that is not yours? <strong className="font-medium text-slate-900">Sign out everywhere</strong> ends
        every browser session of your account, this one included, and revokes the tokens created by signing in through the API (
        <code className="text-xs">POST /api/auth/login</code>). Personal tokens you created below keep working: revoke them one by one.
      </p>
      {problem && <Alert>{problem}</Alert>}
      <Button variant="danger" type="button" onClick={() => void signOutEverywhere()} disabled={pending}>
        {pending ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
