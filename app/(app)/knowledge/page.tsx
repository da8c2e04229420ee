import type { Metadata } from "next";
import { Suspense } from "react";
import { FileUpload } from "@/components/knowledge/file-upload";
import { KnowledgeIngest } from "@/components/knowledge/knowledge-ingest";
import { KnowledgeList } from "@/components/knowledge/knowledge-list";
import { KnowledgeSearch } from "@/components/knowledge/knowledge-search";
import { KnowledgeTree } from "@/components/knowledge/knowledge-tree";
import { UrlIngest } from "@/components/knowledge/url-ingest";
import { UrlRequests } from "@/components/knowledge/url-requests";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/current-user";
import { isAdmin } from "@/lib/auth/access";

export const metadata: Metadata = { title: "Knowledge" };

export default async function KnowledgePage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title="Knowledge" description="The sources the assistant answers from, each with its trust score and provenance." />
      {/* The Sources filter is read from the URL (useSearchParams), which Next wants inside Suspense. */}
      <Suspense>
        <div className="grid gap-8 xl:grid-cols-2">
          <div className="space-y-8">
            <KnowledgeIngest />
            <UrlIngest />
            <FileUpload />
            <KnowledgeSearch />
          </div>
          <div className="space-y-8">
            <KnowledgeTree />
            <KnowledgeList />
            <UrlRequests isAdmin={isAdmin(user)} />
          </div>
        </div>
      </Suspense>
    </>
  );
}
