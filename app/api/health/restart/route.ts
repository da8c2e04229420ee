import { z } from "zod";
import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { ValidationError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { requestRestart, restartRequestSchema } from "@/lib/system/request-restart";

// JSON body {component: "web" | "worker"}, or the earlier API's ?component= query. The
// supervisor (npm start) picks the request up within a second and restarts that process
// gracefully; the answer does not wait for it (202).
const loose = z.object({ component: z.string().optional() });

export const POST = route({ access: "admin", body: loose, query: loose }, async ({ user, body, query }) => {
  const source = body.component !== undefined ? body : query;
  const parsed = restartRequestSchema.safeParse(source);
  if (!parsed.success) {
    const where = source === body ? "body" : "query";
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join("."), message: i.message })));
  }
  const requested = await writeTransaction((tx) => requestRestart({ tx, component: parsed.data.component, actor: user.username }));
  return json(requested, { status: 202 });
});
