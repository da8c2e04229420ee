import type { Metadata } from "next";
import { ResearchGoals } from "@/components/goals/research-goals";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Goals" };

export default function GoalsPage() {
  return (
    <>
      <PageHeader title="Research goals" description="The questions Grace could not answer from your sources, newest first. Each is marked answered once a source covers it." />
      <ResearchGoals />
    </>
  );
}
