import { Logo, NavLinks } from "./nav-links";

/** From `md` up: a column the page's full height, its links kept in view while the page scrolls. Phones get MobileNav. */
export function Sidebar({ username, role }: { username: string; role: string }) {
  return (
    <div className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block">
      <nav aria-label="Main" className="sticky top-0 flex h-dvh flex-col overflow-y-auto">
        <div className="px-5 py-5">
          <Logo />
        </div>
        <NavLinks username={username} role={role} />
      </nav>
    </div>
  );
}
