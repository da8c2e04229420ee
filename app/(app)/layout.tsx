import { redirect } from "next/navigation";
import { LiveEvents } from "@/components/live/live-events";
import { ModeBanner } from "@/components/live/mode-banner";
import { Sidebar } from "@/components/nav/sidebar";
import { currentUser } from "@/lib/auth/current-user";
import { getSystemMode } from "@/lib/system/get-mode";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  const { mode, reason } = await getSystemMode();
  return (
    <LiveEvents initialMode={{ mode, reason }}>
      <div className="flex min-h-screen">
        <Sidebar username={user.username} role={user.role} />
        <div className="min-w-0 flex-1">
          <ModeBanner />
          <main className="px-6 py-8 lg:px-10">{children}</main>
        </div>
      </div>
    </LiveEvents>
  );
}
