import { route } from "@/lib/api/route";
import { writeTransaction } from "@/lib/db/transaction";
import { describeModelSettings } from "@/lib/llm/describe-settings";
import { modelSettingsSchema, resetModelSettings, saveModelSettings } from "@/lib/llm/save-settings";

// The model that answers chat (Settings → Model), admins only. The saved settings take the
// place of GRACE_LLM_* until deleted; any API key is shown only masked ("sk-…a1b2").
export const GET = route({ access: "admin" }, async () => describeModelSettings());

// {base_url, model, api_key?}: api_key left out keeps the key in force, null removes it.
export const PUT = route({ access: "admin", body: modelSettingsSchema }, async ({ user, body }) => {
  await writeTransaction((tx) => saveModelSettings({ tx, actor: user, input: body }));
  return describeModelSettings();
});

// Back to the environment's settings.
export const DELETE = route({ access: "admin" }, async ({ user }) => {
  await writeTransaction((tx) => resetModelSettings({ tx, actor: user }));
  return describeModelSettings();
});
