import { LiveEvents } from "@/components/live/live-events";
import { ModeBanner } from "@/components/live/mode-banner";
import { MobileNav } from "@/components/nav/mobile-nav";
import { Sidebar } from "@/components/nav/sidebar";
import { requireUser } from "@/lib/auth/current-user";
import { getSystemMode } from "@/lib/system/get-mode";

export const dynamic = "force-dynamic";

// The shell of every signed-in page: the sidebar from `md` up, a top bar with a menu drawer
// below it. Pages get one column of the remaining width (min-w-0 lets wide content scroll
// inside its own box instead of widening the page); `h-main` (globals.css) is the height left
// below the shell's chrome, for pages that fill the screen, like chat.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const { mode, reason } = await getSystemMode();
  return (
    <LiveEvents initialMode={{ mode, reason }}>
      <a href="#main" className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50">
        Skip to content
      </a>
      <div className="min-h-dvh md:flex">
        <Sidebar username={user.username} role={user.role} />
        <div className="min-w-0 flex-1">
          <MobileNav username={user.username} role={user.role} />
          <ModeBanner />
          <main id="main" tabIndex={-1} className="px-4 py-6 outline-none md:px-6 md:py-8 lg:px-10">
            {children}
          </main>
        </div>
      </div>
    </LiveEvents>
  );
}
