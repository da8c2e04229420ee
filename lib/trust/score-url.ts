// How far to trust a URL's content: a listed source's score (a subdomain inherits its
// registrable domain's unless listed itself), else a heuristic by kind of domain.
import { getDomain, parse } from "tldts";
import { db as defaultDb, type Db } from "../db/client";

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

// Scores are cached for an hour per host; changing a source drops the cache.
const TTL_MS = 3_600_000;
const cache = new Map<string, { at: number; score: number; basis: string }>();

export function forgetTrustScores() {
  cache.clear();
}

/** Throws on a URL that is not http(s) or has no host. */
export async function scoreUrl(url: string, db: Db = defaultDb): Promise<TrustScore> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("is not a valid URL");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("must be an http or https URL");
  const host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  if (!host) throw new Error("has no host");
  const hit = cache.get(host);
  const { score, basis } = hit && Date.now() - hit.at < TTL_MS ? hit : await lookup(host, db);
  if (!hit || Date.now() - hit.at >= TTL_MS) cache.set(host, { at: Date.now(), score, basis });
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
