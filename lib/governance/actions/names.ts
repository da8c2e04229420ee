// The governed actions' names, import-free so schemas anywhere can use them without import
// cycles; actions/index.ts holds their definitions and checks it covers exactly these.
export const ACTION_NAMES = [
  "knowledge.ingest",
  "knowledge.delete",
  "token.create",
  "system.mode",
  "sandbox.run",
  "loop.configure",
  "governance.policy.create",
  "governance.policy.update",
  "governance.policy.delete",
  "user.register",
  "user.role_change",
  "user.disable",
  "user.delete",
  "hunter.rule.update",
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];
