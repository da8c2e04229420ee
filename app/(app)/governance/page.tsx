import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Governance" };

export default function Page() {
  return (
    <>
      <PageHeader title="Governance" description="Policies for risky actions, and the approvals waiting on you." />
      <EmptyState title="No policies or approvals yet">Governance is not available in this version of Grace yet. Policies and approval requests will appear here.</EmptyState>
    </>
  );
}
