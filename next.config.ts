import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Old clients post to /api/chat/ — answer /api/x and /api/x/ alike, never with a redirect.
  skipTrailingSlashRedirect: true,
  async rewrites() {
    return { beforeFiles: [{ source: "/api/:path*/", destination: "/api/:path*" }], afterFiles: [], fallback: [] };
  },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
