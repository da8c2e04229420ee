"use client";

import { useEffect } from "react";

/**
 * Marks the passage named in the address (#passage-<id>) and brings it into view. CSS :target
 * does this on a full page load only: a link followed inside the app changes the address with
 * the History API, which :target does not see.
 */
export function PassageTarget() {
  useEffect(() => {
    function mark() {
      document.querySelectorAll("[data-target-passage]").forEach((el) => el.removeAttribute("data-target-passage"));
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id.startsWith("passage-")) return;
      const el = document.getElementById(id);
      if (!el) return;
      el.setAttribute("data-target-passage", "true");
      el.scrollIntoView({ block: "start" });
      el.focus({ preventScroll: true });
    }
    mark();
    window.addEventListener("hashchange", mark);
    return () => window.removeEventListener("hashchange", mark);
  }, []);
  return null;
}
