import { z } from "zod";
import { route } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";
import { writeTransaction } from "@/lib/db/transaction";
import { governed } from "@/lib/governance/govern";
import { getModeState, serializeModeState } from "@/lib/system/get-mode-state";
import { setModeSchema, setSystemMode } from "@/lib/system/set-mode";

export const GET = route({ access: "admin" }, () => getModeState());

// JSON body {mode, reason}, or the earlier API's ?mode=&reason= query. Allowed in read-only
// mode: it is the way out.
const loose = z.object({ mode: z.string().optional(), reason: z.string().optional() });

export const POST = route({ access: "admin", body: loose, query: loose, allowReadOnly: true }, async ({ user, body, query }) => {
  const source = body.mode !== undefined ? body : query;
  const parsed = setModeSchema.safeParse(source);
  if (!parsed.success) {
    const where = source === body ? "body" : "query";
    throw new ValidationError(parsed.error.issues.map((i) => ({ field: [where, ...i.path.map(String)].join("."), message: i.message })));
  }
  // Returning to normal is never held: read-only mode refuses the writes that deciding an
  // approval (or disabling the policy) would take, so a held way out could never be let through.
  if (parsed.data.mode === "normal") return serializeModeState(await writeTransaction((tx) => setSystemMode({ tx, ...parsed.data, actor: user.username })));
  return serializeModeState(await governed({ actor: user, action: "system.mode", payload: parsed.data }));
});
