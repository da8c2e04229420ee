import type { Metadata } from "next";
import { Suspense } from "react";
import { ApprovalsQueue } from "@/components/governance/approvals-queue";
import { PoliciesPanel } from "@/components/governance/policies-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/access";
import { ACTIONS } from "@/lib/governance/actions";

export const metadata: Metadata = { title: "Governance" };

export default async function Page() {
  const user = await requireUser();
  const admin = isAdmin(user);
  const actions = Object.values(ACTIONS).map((a) => ({ name: a.name, label: a.label }));
  return (
    <>
      <PageHeader title="Governance" description="Risky actions follow policies: allowed, held for an admin's approval, or blocked. Every decision is in the audit log." />
      <div className="grid max-w-5xl min-w-0 gap-8">
        <Suspense>
          <ApprovalsQueue isAdmin={admin} />
        </Suspense>
        {admin && (
          <Suspense>
            <PoliciesPanel actions={actions} />
          </Suspense>
        )}
      </div>
    </>
  );
}
