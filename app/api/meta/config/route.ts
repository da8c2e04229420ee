import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { listLoopConfigs, loopConfigPatch, serializeLoopConfig, updateLoopConfig } from "@/lib/loops/config";

export const GET = route({}, async () => ({ loops: (await listLoopConfigs()).map(serializeLoopConfig) }));

// Settings are merged over the current ones and validated against the loop's schema.
export const PATCH = route({ access: "admin", body: loopConfigPatch }, async ({ user, body }) =>
  serializeLoopConfig(await writeTransaction((tx) => updateLoopConfig({ tx, actor: user.username, patch: body }))),
);
