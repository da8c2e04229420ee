import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Security" };

export default function Page() {
  return (
    <>
      <PageHeader title="Security" />
      <p className="text-sm text-slate-600">Not built yet: chat has a hook for a security scanner, but no scanner is registered, so nothing is scanned and there are no alerts.</p>
    </>
  );
}
