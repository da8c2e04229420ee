import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tasks" };

export default function Page() {
  return (
    <>
      <PageHeader title="Tasks" description="Your to-dos, and the work running on the queue." />
      <EmptyState title="No tasks yet">Tasks are not available in this version of Grace yet. Your to-dos and queued jobs will appear here.</EmptyState>
    </>
  );
}
