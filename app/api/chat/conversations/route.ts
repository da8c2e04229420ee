import { route } from "@/lib/api/route";
import { listConversations, listConversationsQuery } from "@/lib/chat/list-conversations";

// The caller's conversations, most recently created first; `q` finds words in titles and messages.
export const GET = route({ query: listConversationsQuery }, ({ user, query }) => listConversations({ user, limit: query.limit, cursor: query.cursor, q: query.q }));
