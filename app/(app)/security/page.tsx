import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Security" };

export default function Page() {
  return (
    <>
      <PageHeader title="Security" description="Alerts from the scanner over chats, code and content." />
      <EmptyState title="No security alerts">The security scanner is not available in this version of Grace yet. Its alerts will appear here.</EmptyState>
    </>
  );
}
