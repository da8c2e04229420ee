import type { Metadata } from "next";
import { IdeWorkspace } from "@/components/ide/ide-workspace";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "IDE" };

export default function IdePage() {
  return (
    <>
      <PageHeader title="IDE" description="Write Python, JavaScript, TypeScript and Bash, and run it in a sandbox with no network and the limits shown below." />
      <IdeWorkspace />
    </>
  );
}
