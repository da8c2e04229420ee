import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Knowledge" };

export default function Page() {
  return (
    <>
      <PageHeader title="Knowledge" description="The sources the assistant answers from, each with its trust score and provenance." />
      <EmptyState title="No knowledge yet">Ingesting text, URLs and files is not available in this version of Grace yet. Ingested sources will be listed here.</EmptyState>
    </>
  );
}
