import type { Metadata } from "next";
import { FileUpload } from "@/components/knowledge/file-upload";
import { KnowledgeIngest } from "@/components/knowledge/knowledge-ingest";
import { KnowledgeList } from "@/components/knowledge/knowledge-list";
import { KnowledgeSearch } from "@/components/knowledge/knowledge-search";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Knowledge" };

export default function KnowledgePage() {
  return (
    <>
      <PageHeader title="Knowledge" description="The sources the assistant answers from, each with its trust score and provenance." />
      <div className="grid gap-8 xl:grid-cols-2">
        <div className="space-y-8">
          <KnowledgeIngest />
          <FileUpload />
          <KnowledgeSearch />
        </div>
        <KnowledgeList />
      </div>
    </>
  );
}
