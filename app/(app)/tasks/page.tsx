import type { Metadata } from "next";
import { JobQueue } from "@/components/tasks/job-queue";
import { TaskList } from "@/components/tasks/task-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Tasks" };

export default function TasksPage() {
  return (
    <>
      <PageHeader title="Tasks" description="Your to-dos, and the work running on the queue." />
      <div className="grid gap-8 xl:grid-cols-2">
        <TaskList />
        <JobQueue />
      </div>
    </>
  );
}
