"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

// Sections whose pages only say they are not built yet are marked so here too.
const items: { href: string; label: string; notBuilt?: boolean }[] = [
  { href: "/chat", label: "Chat" },
  { href: "/knowledge", label: "Knowledge" },
  { href: "/tasks", label: "Tasks" },
  { href: "/goals", label: "Goals" },
  { href: "/ide", label: "IDE" },
  { href: "/dashboard", label: "Dashboard" },
  { href: "/audit", label: "Audit" },
  { href: "/governance", label: "Governance" },
  { href: "/security", label: "Security" },
  { href: "/settings", label: "Settings" },
];

export function Logo() {
  return (
    <span className="flex items-center gap-2">
      <span aria-hidden className="flex h-8 w-8 items-center justify-center rounded-lg bg-indigo-600 font-bold text-white">
        G
      </span>
      <span className="text-lg font-semibold">Grace</span>
    </span>
  );
}

/**
 * The main navigation, the same in the desktop sidebar and the phone drawer. Links are at
 * least 40 px tall: fingers, not only pointers, use them.
 */
export function NavLinks({ username, role, onNavigate }: { username: string; role: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <>
      <ul className="flex-1 space-y-1 px-3">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="relative">
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-10 items-center rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-indigo-50 text-indigo-700" : item.notBuilt ? "text-slate-600 hover:bg-slate-100" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {item.label}
              </Link>
              {item.notBuilt && <span className="pointer-events-none absolute top-3 right-3 text-xs text-slate-600">not built yet</span>}
            </li>
          );
        })}
      </ul>
      <div className="border-t border-slate-200 px-5 py-4 text-sm">
        <p className="font-medium break-words text-slate-900">{username}</p>
        <p className="text-slate-600">{role}</p>
        <Link href="/logout" onClick={onNavigate} className="mt-1 -ml-2 inline-flex min-h-10 items-center rounded-md px-2 font-medium text-indigo-700 hover:text-indigo-600">
          Sign out
        </Link>
      </div>
    </>
  );
}
