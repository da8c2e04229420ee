import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Grace", template: "%s · Grace" },
  description: "A self-hosted, auditable AI assistant workbench",
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
