import type { Metadata } from "next";
import { SecurityAlerts } from "@/components/security/security-alerts";
import { SecurityRules } from "@/components/security/security-rules";
import { PageHeader } from "@/components/ui/page-header";
import { isAdmin } from "@/lib/auth/access";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Security" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const user = await requireUser();
  const admin = isAdmin(user);
  return (
    <>
      <PageHeader
        title="Security"
        description={
          admin
            ? "What Hunter caught in chat, ingested content, code, sign-ins and exports, and the rules it applies."
            : "Alerts about what you sent, and the rules Hunter applies. Only an admin can resolve alerts or change rules."
        }
      />
      <div className="grid gap-8 xl:grid-cols-2">
        <SecurityAlerts isAdmin={admin} />
        <SecurityRules isAdmin={admin} />
      </div>
    </>
  );
}
