import { route } from "@/lib/api/route";
import { latestTreeHead } from "@/lib/audit/latest-tree-head";
import { NotFoundError } from "@/lib/errors";

// The newest signed tree head; 404 before the first is published.
export const GET = route({}, async () => {
  const head = await latestTreeHead();
  if (!head) throw new NotFoundError("Signed tree head");
  return head;
});
