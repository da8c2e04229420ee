import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Chat" };

export default function Page() {
  return (
    <>
      <PageHeader title="Chat" description="Ask questions answered from your knowledge base, with citations." />
      <EmptyState title="No conversations yet">The assistant is not available in this version of Grace yet. Once it is, your conversations appear here.</EmptyState>
    </>
  );
}
