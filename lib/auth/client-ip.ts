// The web server (scripts/web-server.ts) sets X-Forwarded-For to the one client address it
// trusts (the socket, or a trusted proxy's last hop), so reading it here is safe.
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const ip = value?.split(",").pop()?.trim();
  return ip || "unknown";
}
