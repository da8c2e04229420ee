import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "IDE" };

export default function Page() {
  return (
    <>
      <PageHeader title="IDE" />
      <p className="text-sm text-slate-600">Not built yet: this version of Grace cannot edit or run code.</p>
    </>
  );
}
