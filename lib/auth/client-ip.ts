// The client's address, as scripts/web-server.ts found it: it drops any incoming
// X-Grace-Client-IP and sets its own from the socket (or, with GRACE_TRUST_PROXY, from a
// proxy's X-Forwarded-For). Never read X-Forwarded-For here: a client can write anything there.
export const CLIENT_IP_HEADER = "x-grace-client-ip";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.trim() || "unknown";
}
