// Serves the built Next.js app. A custom server only to pin down the client address:
// X-Forwarded-For is replaced by the socket's address (or, behind a trusted proxy with
// GRACE_TRUST_PROXY=1, by the proxy's last hop), so sign-in lockout cannot be dodged by
// sending a made-up header.
import "dotenv/config";
import { createServer } from "node:http";
import next from "next";
import { config } from "../lib/config";

const port = Number(process.env.PORT) || 3000;
const hostname = process.env.HOST || "0.0.0.0";
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  const lastHop = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").pop()?.trim();
  req.headers["x-forwarded-for"] = (config.trustProxy && lastHop) || req.socket.remoteAddress || "unknown";
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[web] listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

function stop(signal: string) {
  console.log(`[web] ${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
