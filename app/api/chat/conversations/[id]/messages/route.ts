import { z } from "zod";
import { route } from "@/lib/api/route";
import { paginationQuery } from "@/lib/api/pagination";
import { listConversationMessages } from "@/lib/chat/list-messages";

const params = z.object({ id: z.coerce.number().int().positive("must be a conversation id") });

// A conversation's messages, oldest first, with each answer's citations.
export const GET = route({ params, query: paginationQuery }, ({ user, params, query }) =>
  listConversationMessages({ user, conversationId: params.id, limit: query.limit, cursor: query.cursor }),
);
