import { Button } from "./button";

type Infinite = { data?: { next_cursor: string | null }[]; size: number; setSize: (size: number) => unknown; isValidating?: boolean };

/** "Load more" under a cursor-paged useSWRInfinite list, while the last page has a next cursor. */
export function LoadMore({ list }: { list: Infinite }) {
  if (!list.data?.[list.data.length - 1]?.next_cursor) return null;
  return (
    <Button variant="secondary" onClick={() => void list.setSize(list.size + 1)} disabled={list.isValidating}>
      {list.isValidating ? "Loading…" : "Load more"}
    </Button>
  );
}
