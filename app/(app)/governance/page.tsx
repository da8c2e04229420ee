import type { Metadata } from "next";
import { Suspense } from "react";
import { UrlRequests } from "@/components/knowledge/url-requests";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/access";

export const metadata: Metadata = { title: "Governance" };

export default async function Page() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Governance" />
      <p className="mb-6 text-sm text-slate-600">No policies yet: holding risky actions for approval by policy is not built. The only approvals so far are for web pages, below.</p>
      <div className="max-w-3xl">
        <Suspense>
          <UrlRequests isAdmin={isAdmin(user)} />
        </Suspense>
      </div>
    </>
  );
}
