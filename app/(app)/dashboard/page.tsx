import type { Metadata } from "next";
import Link from "next/link";
import { RecentActivity } from "@/components/dashboard/recent-activity";
import { ReflectionsFeed } from "@/components/dashboard/reflections-feed";
import { PageHeader } from "@/components/ui/page-header";
import { StatusDot } from "@/components/ui/status-dot";
import { requireUser } from "@/lib/auth/current-user";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const user = await requireUser();
  const { health, head, tokens } = await getDashboard({ user });
  return (
    <>
      <PageHeader title="Dashboard" description={`Signed in as ${user.username}.`} />
      <div className="grid gap-4 md:grid-cols-3">
        <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-sm font-medium text-slate-500">System</h2>
          <p className="mt-1 flex items-center gap-2 text-xl font-semibold">
            <StatusDot status={health.status} /> {{ ok: "All systems normal", degraded: "Degraded", down: "Down" }[health.status]}
          </p>
          <ul className="mt-3 space-y-1 text-sm text-slate-600">
            {Object.entries(health.components).map(([name, c]) => (
              <li key={name} className="flex items-center gap-2">
                <StatusDot status={c.status} /> <span className="capitalize">{name}</span>
                <span className="text-slate-500">{c.detail}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-sm font-medium text-slate-500">Audit log</h2>
          <p className="mt-1 text-xl font-semibold">{head?.sequence ?? 0} entries</p>
          <Link href="/audit" className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Browse and verify →
          </Link>
        </section>
        <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-sm font-medium text-slate-500">Your API tokens</h2>
          <p className="mt-1 text-xl font-semibold">{tokens} active</p>
          <Link href="/settings" className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Manage tokens →
          </Link>
        </section>
      </div>
      <div className="mt-6">
        <ReflectionsFeed />
      </div>
      <RecentActivity />
    </>
  );
}
