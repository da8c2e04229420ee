import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { listConversations } from "@/lib/chat/list-conversations";

// The caller's conversations, most recently created first.
export const GET = route({ query: paginationQuery }, ({ user, query }) => listConversations({ user, limit: query.limit, cursor: query.cursor }));
