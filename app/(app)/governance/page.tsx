import type { Metadata } from "next";
import { Suspense } from "react";
import { UrlRequests } from "@/components/knowledge/url-requests";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/access";

export const metadata: Metadata = { title: "Governance" };

export default async function Page() {
  const user = (await currentUser())!;
  return (
    <>
      <PageHeader title="Governance" description="Policies for risky actions, and the approvals waiting on you." />
      <div className="grid gap-8 xl:grid-cols-2">
        {/* The only approvals so far are web pages from sources trusted 40–69 (Knowledge page). */}
        <Suspense>
          <UrlRequests isAdmin={isAdmin(user)} />
        </Suspense>
        <section aria-labelledby="policies" className="space-y-3">
          <h2 id="policies" className="text-lg font-semibold">Policies</h2>
          <EmptyState title="No policies yet">Policies that hold risky actions for approval are not available in this version of Grace yet.</EmptyState>
        </section>
      </div>
    </>
  );
}
