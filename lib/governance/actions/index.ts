// The one registry of governed actions: each is a verb with a payload schema and the function
// that performs it, so an action held for approval is replayed exactly, as its requester.
import type { z } from "zod";
import { hunterRuleUpdate } from "./hunter";
import { knowledgeDelete, knowledgeIngest } from "./knowledge";
import { loopConfigure } from "./loops";
import type { ActionName } from "./names";
import { policyCreate, policyDelete, policyUpdate } from "./policies";
import { sandboxRun } from "./sandbox";
import { systemMode } from "./system";
import { tokenCreate } from "./tokens";
import { userCreate, userDelete, userDisable, userRoleChange } from "./users";

export const ACTIONS = {
  "knowledge.ingest": knowledgeIngest,
  "knowledge.delete": knowledgeDelete,
  "token.create": tokenCreate,
  "system.mode": systemMode,
  "sandbox.run": sandboxRun,
  "loop.configure": loopConfigure,
  "governance.policy.create": policyCreate,
  "governance.policy.update": policyUpdate,
  "governance.policy.delete": policyDelete,
  "user.register": userCreate,
  "user.role_change": userRoleChange,
  "user.disable": userDisable,
  "user.delete": userDelete,
  "hunter.rule.update": hunterRuleUpdate,
} satisfies Record<ActionName, unknown>;

export type Actions = typeof ACTIONS;
export type PayloadOf<N extends ActionName> = z.input<Actions[N]["payload"]>;
export type ResultOf<N extends ActionName> = Awaited<ReturnType<Actions[N]["perform"]>>;
export { ACTION_NAMES, type ActionName } from "./names";

/** The action an approval holds: by name, or by the type approvals were stored under before the registry. */
export function actionForApproval(actionType: string) {
  const found = Object.values(ACTIONS).find((a) => a.name === actionType || ("legacyType" in a && a.legacyType === actionType));
  return found as Actions[ActionName] | undefined;
}
