import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { deleteSource, serializeSource, sourcePatchSchema, updateSource } from "@/lib/trust/sources";

const params = idParams("a source id");

export const PATCH = route({ access: "admin", params, body: sourcePatchSchema }, async ({ user, params, body }) =>
  serializeSource(await writeTransaction((tx) => updateSource({ tx, actor: user, id: params.id, input: body }))),
);

export const DELETE = route({ access: "admin", params }, async ({ user, params }) => {
  await writeTransaction((tx) => deleteSource({ tx, actor: user, id: params.id }));
});
