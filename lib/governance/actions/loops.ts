import { loopConfigPatch, serializeLoopConfig, updateLoopConfig } from "../../loops/config";
import { defineAction } from "./define";

/** A loop's interval, switch or settings (PATCH /api/meta/config); the audit log calls it loop.configure. */
export const loopConfigure = defineAction({
  name: "loop.configure",
  label: "Change a loop's settings",
  payload: loopConfigPatch,
  resource: (p) => `loop:${p.name}`,
  perform: async ({ tx, actor, payload }) => updateLoopConfig({ tx, actor: actor.username, patch: payload }),
  summarize: serializeLoopConfig,
});
