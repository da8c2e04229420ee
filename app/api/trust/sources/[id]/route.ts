import { z } from "zod";
import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteSource, serializeSource, sourcePatchSchema, updateSource } from "@/lib/trust/sources";

const params = z.object({ id: z.coerce.number().int().positive("must be a source id") });

export const PATCH = route({ access: "admin", params, body: sourcePatchSchema }, async ({ user, params, body }) =>
  serializeSource(await writeTransaction((tx) => updateSource(tx, { actor: user, id: params.id, input: body }))),
);

export const DELETE = route({ access: "admin", params }, async ({ user, params }) => {
  await writeTransaction((tx) => deleteSource(tx, { actor: user, id: params.id }));
});
