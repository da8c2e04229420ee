"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Logo, NavLinks } from "./nav-links";

/**
 * Below `md`: a top bar with a menu button that opens the navigation as a drawer. The drawer is
 * a modal <dialog>, so the browser traps focus in it, closes it on Esc, makes the page behind
 * it inert and gives focus back to the menu button when it closes.
 */
export function MobileNav({ username, role }: { username: string; role: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => dialog.current?.close();

  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-slate-200 bg-white px-2 md:hidden">
      <button
        type="button"
        aria-label="Menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => {
          dialog.current?.showModal();
          setOpen(true);
        }}
        className="inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </button>
      <Link href="/dashboard" className="inline-flex min-h-10 items-center rounded-md px-1">
        <Logo />
      </Link>
      <dialog
        id="main-menu"
        ref={dialog}
        aria-label="Menu"
        onClose={() => setOpen(false)}
        // A click on the dialog itself, not on its content, is a click on the backdrop.
        onClick={(e) => e.target === e.currentTarget && close()}
        className="fixed inset-y-0 right-auto left-0 m-0 h-dvh max-h-none w-72 max-w-[85vw] bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <nav aria-label="Main" className="flex min-h-full flex-col">
          <div className="flex items-center justify-between py-2 pr-2 pl-5">
            <Logo />
            <button type="button" aria-label="Close menu" onClick={close} className="inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100">
              <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
                <path d="M6 6l12 12M18 6L6 18" />
              </svg>
            </button>
          </div>
          <NavLinks username={username} role={role} onNavigate={close} />
        </nav>
      </dialog>
    </header>
  );
}
