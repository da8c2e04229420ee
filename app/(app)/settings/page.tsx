import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ModelSettings } from "@/components/settings/model-settings";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { TokenManager } from "@/components/settings/token-manager";
import { UserManager } from "@/components/settings/user-manager";
import { PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-8 space-y-3">
      <div>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requireUser();
  const admin = isAdmin(user);
  return (
    <>
      <PageHeader title="Settings" description={admin ? "Your password, sessions and API tokens, and this Grace's accounts and model." : "Your password, sessions and API tokens."} />
      <div className="max-w-5xl space-y-10">
        <Section id="password" title="Password" description="Changing it signs you out everywhere else; this browser stays signed in.">
          <div className="max-w-md rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <ChangePasswordForm />
          </div>
        </Section>
        <Section id="sessions" title="Sessions" description="Sign out of every device at once.">
          <SignOutEverywhere />
        </Section>
        <Section id="tokens" title="API tokens" description="Personal API tokens let scripts and other services call Grace's API as you.">
          <TokenManager />
        </Section>
        {admin && (
          <Section
            id="users"
            title="Users"
            description="Everyone who can sign in to this Grace. New accounts start with a temporary password that their owner changes at first sign-in."
          >
            <UserManager currentUserId={user.id} />
          </Section>
        )}
        {admin && (
          <Section id="model" title="Model" description="The OpenAI-compatible model that answers chat from your sources. Saved here, it takes the place of the GRACE_LLM_* environment settings.">
            <ModelSettings />
          </Section>
        )}
      </div>
    </>
  );
}
