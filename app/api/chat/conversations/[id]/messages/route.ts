import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { paginationQuery } from "@/lib/api/pagination";
import { listConversationMessages } from "@/lib/chat/list-messages";

const params = idParams("a conversation id");

// A conversation's messages, oldest first, with each answer's citations.
export const GET = route({ params, query: paginationQuery }, ({ user, params, query }) =>
  listConversationMessages({ user, conversationId: params.id, limit: query.limit, cursor: query.cursor }),
);
