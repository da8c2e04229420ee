import type { NextConfig } from "next";

// API answers are JSON (or Server-Sent Events): nothing in them may load, run or frame anything.
// Pages get their policy, with a per-request nonce, from proxy.ts.
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  // Old clients post to /api/chat/ — answer /api/x and /api/x/ alike, never with a redirect.
  skipTrailingSlashRedirect: true,
  async rewrites() {
    return { beforeFiles: [{ source: "/api/:path*/", destination: "/api/:path*" }], afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
      { source: "/health", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
    ];
  },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
