// How far to trust a URL's content: a listed source's score (a subdomain inherits its
// registrable domain's unless listed itself), else a heuristic by kind of domain.
import { LRUCache } from "lru-cache";
import { getDomain, parse } from "tldts";
import { db as defaultDb, type Db } from "../db/client";
import { readCacheVersion } from "../db/cache-version";

export const AUTO_APPROVE_AT = 70;
export const REVIEW_AT = 40;

const SHORTENERS = new Set(["bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "rb.gy", "s.id", "t.ly"]);

export type TrustScore = {
  url: string;
  trust_score: number;
  auto_approve: boolean;
  recommendation: "auto" | "review" | "block";
  /** Where the score came from: a listed source, or the heuristic that applied. */
  basis: string;
};

export function recommendation(score: number): TrustScore["recommendation"] {
  return score >= AUTO_APPROVE_AT ? "auto" : score >= REVIEW_AT ? "review" : "block";
}

// Scores are cached per host, at most TRUST_CACHE_MAX_HOSTS of them (least recently used go
// first), so scoring random hosts cannot grow a process's memory. Every entry belongs to a
// version of the trusted-source table: creating, changing or deleting a source bumps the
// `trust` cache version in its transaction, and each process (web or worker) reads that version
// at most once a second — after which it drops what it cached under the old one.
export const TRUST_CACHE_NAME = "trust";
export const TRUST_CACHE_MAX_HOSTS = 1000;
const TTL_MS = 3_600_000;
const VERSION_MAX_AGE_MS = 1000;
const cache = new LRUCache<string, { version: number; score: number; basis: string }>({ max: TRUST_CACHE_MAX_HOSTS, ttl: TTL_MS });
let cachedVersion: number | undefined;

/** Drops this process's cached scores (tests; other processes follow the version row). */
export function forgetTrustScores() {
  cache.clear();
}

/** How many hosts this process holds a score for. */
export function trustScoreCacheSize(): number {
  return cache.size;
}

/** Throws on a URL that is not http(s) or has no host. */
export async function scoreUrl(o: { url: string; db?: Db }): Promise<TrustScore> {
  const { url, db = defaultDb } = o;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("is not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("must be an http or https URL");
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (!host) throw new Error("has no host");
  const version = await readCacheVersion(TRUST_CACHE_NAME, { db, maxAgeMs: VERSION_MAX_AGE_MS });
  if (version !== cachedVersion) {
    cache.clear();
    cachedVersion = version;
  }
  let hit = cache.get(host);
  if (hit?.version !== version) {
    hit = { version, ...(await lookup(host, db)) };
    // Another request may have seen a newer version while this one looked up: keep only current ones.
    if (cachedVersion === version) cache.set(host, hit);
  }
  const { score, basis } = hit;
  return { url, trust_score: score, auto_approve: score >= AUTO_APPROVE_AT, recommendation: recommendation(score), basis };
}

async function lookup(host: string, db: Db): Promise<{ score: number; basis: string }> {
  const registrable = getDomain(host, { allowPrivateDomains: false }) ?? host;
  const candidates = [...new Set([host, ...parentsOf(host, registrable), registrable])];
  const listed = await db.trustedSource.findMany({ where: { domain: { in: candidates } } });
  for (const name of candidates) {
    const source = listed.find((s) => s.domain === name);
    if (source) return { score: source.trustScore, basis: name === host ? `listed source ${name}` : `inherited from listed source ${name}` };
  }
  if (SHORTENERS.has(registrable)) return { score: 20, basis: "URL shortener: the destination is hidden" };
  const suffix = parse(host).publicSuffix ?? "";
  const labels = suffix.split(".");
  if (labels.includes("gov") || labels.includes("edu") || labels.includes("mil")) return { score: 85, basis: `government or education domain (.${suffix})` };
  if (suffix === "org") return { score: 70, basis: "non-profit domain (.org)" };
  return { score: 50, basis: "unknown domain" };
}

/** docs.api.example.com → api.example.com (stopping above the registrable domain). */
function parentsOf(host: string, registrable: string): string[] {
  const out: string[] = [];
  let rest = host;
  while (rest !== registrable && rest.includes(".")) {
    rest = rest.slice(rest.indexOf(".") + 1);
    if (rest.length < registrable.length) break;
    out.push(rest);
  }
  return out;
}
