import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

// The chat page's first-load JavaScript stays under 250 KB gzipped (Markdown rendering is the
// heaviest thing it loads). Measured from the production build the suite runs against (`next
// build` by `npm start`): the framework's root chunks (.next/build-manifest.json) plus every
// chunk the chat routes' layouts and pages need (their client reference manifests).
const LIMIT = 250 * 1000;
const next = path.join(process.cwd(), ".next");

function entryChunks(route: string): string[] {
  const file = path.join(next, "server", "app", route, "page_client-reference-manifest.js");
  const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST: run it against a holder.
  new Function("globalThis", readFileSync(file, "utf8"))(holder);
  return Object.values(holder.__RSC_MANIFEST).flatMap((m) => Object.values(m.entryJSFiles).flat());
}

function firstLoad(route: string) {
  const manifest = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const chunks = [...new Set([...manifest.rootMainFiles, ...entryChunks(route)])].filter((f) => f.endsWith(".js"));
  const bytes = chunks.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(next, f)), { level: 9 }).length, 0);
  return { chunks, bytes };
}

test("chat: the chat page's first-load JS is under 250 KB gzipped", () => {
  for (const route of ["(app)/chat", "(app)/chat/[id]"]) {
    const { chunks, bytes } = firstLoad(route);
    console.log(`[bundle] /${route}: ${chunks.length} chunks, ${(bytes / 1000).toFixed(1)} KB gzipped`);
    expect(chunks.length).toBeGreaterThan(3);
    expect(bytes, `first-load JS of /${route}`).toBeLessThan(LIMIT);
  }
});
