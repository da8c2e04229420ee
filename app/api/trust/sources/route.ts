import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { bareList } from "@/lib/api/bare-list";
import { page, paginationQuery } from "@/lib/api/pagination";
import { db } from "@/lib/db/client";
import { writeTransaction } from "@/lib/db/transaction";
import { createSource, serializeSource, sourceSchema } from "@/lib/trust/sources";

export const GET = route({ query: paginationQuery }, async ({ query }) => {
  const rows = await db.trustedSource.findMany({ where: query.cursor ? { id: { gt: query.cursor } } : {}, orderBy: { id: "asc" }, take: query.limit + 1 });
  const { items, next_cursor } = page(rows, query.limit, (s) => s.id);
  return bareList(items.map(serializeSource), next_cursor);
});

export const POST = route({ access: "admin", body: sourceSchema }, async ({ user, body }) =>
  json(serializeSource(await writeTransaction((tx) => createSource(tx, { actor: user, input: body }))), { status: 201 }),
);
