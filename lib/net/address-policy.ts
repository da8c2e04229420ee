// Which addresses Grace may fetch from. Only public unicast addresses: loopback, private,
// link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast,
// reserved ranges and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo) are
// all refused. ipaddr.js does the classification; GRACE_ALLOW_PRIVATE_URLS=1 lifts the rule
// (for tests that fetch from a server they start on this machine).
import ipaddr from "ipaddr.js";
import { config } from "../config";

export type AddressPolicy = (address: string) => boolean;

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  return ipaddr.process(address).range() === "unicast";
}

export function privateUrlsAllowed(): boolean {
  return config.allowPrivateUrls;
}

/** The default policy: public addresses only, unless GRACE_ALLOW_PRIVATE_URLS=1. */
export function defaultAddressPolicy(): AddressPolicy {
  return privateUrlsAllowed() ? () => true : isPublicAddress;
}

/** "[::1]" → "::1"; a host that is an IP literal, or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}
