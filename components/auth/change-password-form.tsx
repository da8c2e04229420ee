"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type FieldName = "current_password" | "new_password" | "confirm";
type Problems = Partial<Record<FieldName, string>> & { form?: string };

const messages: Record<string, string> = {
  "is not your current password": "This is not your current password.",
  "must differ from your current password": "Choose a password different from the current one.",
  "must be at least 8 characters": "Use at least 8 characters.",
  "must be at most 256 characters": "Use at most 256 characters.",
};

/**
 * Change one's own password: in Settings, and on the page a temporary password leads to. The
 * API re-issues this browser's session cookie, so it stays signed in while every other
 * session ends.
 */
export function ChangePasswordForm({ temporary = false, returnTo = "/dashboard" }: { temporary?: boolean; /** where a temporary password's owner goes once they chose their own */ returnTo?: string }) {
  const router = useRouter();
  const ids = useId();
  const [problems, setProblems] = useState<Problems>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const current = String(data.get("current_password") ?? "");
    const next = String(data.get("new_password") ?? "");
    const found: Problems = {};
    if (!current) found.current_password = "Enter your current password.";
    if (next.length < 8) found.new_password = "Use at least 8 characters.";
    if (next !== String(data.get("confirm") ?? "")) found.confirm = "The two new passwords differ.";
    setProblems(found);
    setDone(false);
    if (Object.keys(found).length) return;

    setPending(true);
    try {
      const res = await fetch("/api/me/password", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ current_password: current, new_password: next }),
      });
      if (res.ok) {
        form.reset();
        if (temporary) {
          router.replace(returnTo);
          router.refresh();
          return;
        }
        setDone(true);
        return;
      }
      const body = await res.json().catch(() => null);
      const fields: { field: string; message: string }[] = body?.error?.fields ?? [];
      const byField: Problems = {};
      for (const f of fields) {
        const name = f.field.replace(/^body\./, "") as FieldName;
        if (name === "current_password" || name === "new_password") byField[name] = messages[f.message] ?? `${f.message[0].toUpperCase()}${f.message.slice(1)}.`;
      }
      if (!Object.keys(byField).length) byField.form = body?.error?.message ?? `Could not change the password (${res.status}).`;
      setProblems(byField);
    } catch {
      setProblems({ form: "Could not reach Grace. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }

  const field = (name: FieldName, label: string, autoComplete: string) => {
    const id = `${ids}-${name}`;
    const problem = problems[name];
    return (
      <div>
        <Input
          label={label}
          id={id}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        {problem && (
          <p id={`${id}-problem`} className="mt-1 text-sm text-red-700">
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {problems.form && <Alert>{problems.form}</Alert>}
      {done && <Alert tone="success">Password changed. Your other sessions were signed out; this one stays signed in.</Alert>}
      {field("current_password", temporary ? "Temporary password" : "Current password", "current-password")}
      {field("new_password", "New password (8 characters or more)", "new-password")}
      {field("confirm", "Repeat the new password", "new-password")}
      <Button type="submit" disabled={pending} className={temporary ? "w-full" : ""}>
        {pending ? "Changing…" : temporary ? "Set my password" : "Change password"}
      </Button>
    </form>
  );
}
