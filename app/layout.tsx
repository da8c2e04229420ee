import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Grace", template: "%s · Grace" },
  description: "A self-hosted, auditable AI assistant workbench",
};

// Phones: the page is as wide as the screen, and the on-screen keyboard shrinks the layout
// (rather than covering it), so an input pinned to the bottom stays above the keyboard.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  interactiveWidget: "resizes-content",
};

// Every page renders per request: the Content-Security-Policy's nonce (proxy.ts) is new each
// time, and Next can only put it on the scripts of a page it renders then.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
