import { setModeSchema, setSystemMode } from "../../system/set-mode";
import { defineAction } from "./define";

export const systemMode = defineAction({
  name: "system.mode",
  label: "Change the system mode",
  payload: setModeSchema,
  resource: () => "system:mode",
  perform: async ({ tx, actor, payload }) => setSystemMode({ tx, mode: payload.mode, reason: payload.reason, actor: actor.username }),
  summarize: (state) => ({ mode: state.mode, reason: state.reason }),
});
