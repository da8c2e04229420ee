import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every action, in a hash-chained, signed log: each entry's hash covers the one before it, and signed tree heads vouch for the whole. Open an entry (its number) to check its proof here in your browser."
      />
      {/* The filters are read from the URL (useSearchParams), which Next wants inside Suspense. */}
      <Suspense>
        <AuditLog />
      </Suspense>
    </>
  );
}
