import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { paginationQuery } from "@/lib/api/pagination";
import { writeTransaction } from "@/lib/db/transaction";
import { createSource, serializeSource, sourceSchema } from "@/lib/trust/sources";
import { listSources } from "@/lib/trust/list-sources";

export const GET = route({ query: paginationQuery }, async ({ query }) => {
  const { items, next_cursor } = await listSources({ limit: query.limit, cursor: query.cursor });
  return bareList(items, next_cursor);
});

export const POST = route({ access: "admin", body: sourceSchema }, async ({ user, body }) =>
  json(serializeSource(await writeTransaction((tx) => createSource({ tx, actor: user, input: body }))), { status: 201 }),
);
