import { z } from "zod";
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { resolveAlert } from "@/lib/hunter/resolve-alert";

const params = idParams("an alert id");
const fields = { note: z.string().trim().max(2000, "must be at most 2000 characters").default(""), status: z.enum(["resolved", "dismissed"]).default("resolved") };

// JSON body {note, status}, or the earlier API's ?status=&note= (the body wins).
export const POST = route({ access: "admin", params, body: z.object(fields).partial(), query: z.object(fields).partial() }, async ({ user, params, body, query }) => {
  const note = body.note ?? query.note ?? "";
  const status = body.status ?? query.status ?? "resolved";
  return writeTransaction((tx) => resolveAlert({ tx, admin: user, id: params.id, note, status }));
});
