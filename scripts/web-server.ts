// Serves the built Next.js app. A custom server only to pin down the client address: it sets
// X-Grace-Client-IP (replacing any a client sent) to the socket's address, or, behind a
// trusted proxy (GRACE_TRUST_PROXY=1), to the last hop of the proxy's X-Forwarded-For. So
// sign-in lockout cannot be dodged with a made-up header.
import "dotenv/config";
import { createServer } from "node:http";
import next from "next";
import { config, loadConfig } from "../lib/config";
import { CLIENT_IP_HEADER } from "../lib/auth/client-ip";

const { port, host: hostname } = loadConfig();
const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

let warnedAboutProxy = false;
const server = createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  const lastHop = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").pop()?.trim();
  const trustProxy = config.trustProxy;
  if (lastHop && !trustProxy && !warnedAboutProxy && req.socket.remoteAddress !== lastHop) {
    warnedAboutProxy = true;
    console.warn("[web] requests carry X-Forwarded-For but GRACE_TRUST_PROXY is off: behind a proxy every client shares its address (and its sign-in lockout)");
  }
  req.headers[CLIENT_IP_HEADER] = (trustProxy && lastHop) || req.socket.remoteAddress || "unknown";
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
