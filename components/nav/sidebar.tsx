"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Sections whose pages only say they are not built yet are marked so here too.
const items: { href: string; label: string; notBuilt?: boolean }[] = [
  { href: "/chat", label: "Chat" },
  { href: "/knowledge", label: "Knowledge" },
  { href: "/tasks", label: "Tasks" },
  { href: "/ide", label: "IDE", notBuilt: true },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/audit", label: "Audit" },
  { href: "/governance", label: "Governance" },
  { href: "/security", label: "Security", notBuilt: true },
  { href: "/settings", label: "Settings" },
];

export function Sidebar({ username, role }: { username: string; role: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="flex items-center gap-2 px-5 py-5">
        <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 font-bold text-white">G</span>
        <span className="text-lg font-semibold">Grace</span>
      </div>
      <ul className="flex-1 space-y-1 px-3">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="relative">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-indigo-50 text-indigo-700" : item.notBuilt ? "text-slate-500 hover:bg-slate-100" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
              {item.notBuilt && <span className="pointer-events-none absolute top-2.5 right-3 text-xs text-slate-400">not built yet</span>}
            </li>
          );
        })}
      </ul>
      <div className="border-t border-slate-200 px-5 py-4 text-sm">
        <p className="font-medium text-slate-900">{username}</p>
        <p className="text-slate-500">{role}</p>
        <Link href="/logout" className="mt-2 inline-block font-medium text-indigo-600 hover:text-indigo-500">
          Sign out
        </Link>
      </div>
    </nav>
  );
}
