import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "IDE" };

export default function Page() {
  return (
    <>
      <PageHeader title="IDE" description="Write and run Python, JavaScript, TypeScript and Bash in a sandbox." />
      <EmptyState title="The code sandbox is not available yet">Running code in the sandbox is not available in this version of Grace yet.</EmptyState>
    </>
  );
}
