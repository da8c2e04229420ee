"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useSWRConfig } from "swr";
import { unstable_serialize } from "swr/infinite";

type Cursored = { next_cursor: string | null };

export const TREE_KEY = "/api/memory/tree";

/** The Sources filter lives in the URL (?domain=&type=) so a filtered view can be shared. */
export function useKnowledgeFilter() {
  const params = useSearchParams();
  const domain = params.get("domain") || null;
  const type = domain ? params.get("type") || null : null;
  return { domain, type };
}

export function filterHref(domain?: string | null, type?: string | null) {
  const q = new URLSearchParams();
  if (domain) q.set("domain", domain);
  if (domain && type) q.set("type", type);
  const s = q.toString();
  return s ? `/knowledge?${s}` : "/knowledge";
}

function pagedKey(base: string) {
  return (_: number, prev: Cursored | null) => (prev && !prev.next_cursor ? null : `${base}${prev?.next_cursor ? `&cursor=${prev.next_cursor}` : ""}`);
}

/** The Sources list's getKey for a filter. */
export function artifactPageKey(filter: { domain?: string | null; type?: string | null } = {}) {
  const q = new URLSearchParams({ limit: "25" });
  if (filter.domain) q.set("domain", filter.domain);
  if (filter.type) q.set("type", filter.type);
  return pagedKey(`/api/knowledge/artifacts?${q}`);
}

/** The getKey for the filter in the URL (stable while the filter is). */
export function useArtifactPageKey() {
  const { domain, type } = useKnowledgeFilter();
  return useMemo(() => artifactPageKey({ domain, type }), [domain, type]);
}

export const urlRequestPageKey = pagedKey("/api/governance/approvals?action_type=url_ingest&limit=10");

/**
 * Refreshes what an ingest changes. Infinite lists only refresh through their serialised
 * key: a key-filter mutate skips them.
 */
export function useRefreshKnowledge() {
  const { mutate } = useSWRConfig();
  const pageKey = useArtifactPageKey();
  return useCallback(
    async (o: { requests?: boolean } = {}) => {
      await Promise.all([mutate(unstable_serialize(pageKey)), mutate(TREE_KEY), o.requests ? mutate(unstable_serialize(urlRequestPageKey)) : null]);
    },
    [mutate, pageKey],
  );
}

/**
 * After an edit or delete on a source's own page: the unfiltered Sources list and the tree
 * refetch when next shown (a mutate also ends SWR's dedupe window for them).
 */
export function useRefreshSources() {
  const { mutate } = useSWRConfig();
  return useCallback(async () => {
    await Promise.all([mutate(unstable_serialize(artifactPageKey())), mutate(TREE_KEY)]);
  }, [mutate]);
}
