import { route } from "@/lib/api/route";
import { governed } from "@/lib/governance/govern";
import { listLoopConfigs, loopConfigPatch, serializeLoopConfig } from "@/lib/loops/config";

export const GET = route({}, async () => ({ loops: (await listLoopConfigs()).map(serializeLoopConfig) }));

// Settings are merged over the current ones and validated against the loop's schema.
export const PATCH = route({ access: "admin", body: loopConfigPatch }, async ({ user, body }) =>
  serializeLoopConfig(await governed({ actor: user, action: "loop.configure", payload: body })),
);
