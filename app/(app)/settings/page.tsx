import type { Metadata } from "next";
import { TokenManager } from "@/components/settings/token-manager";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Personal API tokens let scripts and other services call Grace's API as you." />
      <TokenManager />
    </>
  );
}
