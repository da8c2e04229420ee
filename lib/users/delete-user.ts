import type { Tx } from "../db/client";
import { append } from "../audit";
import { usersChanged } from "../auth/user-state";
import { ConflictError, NotFoundError } from "../errors";
import { assertNotLastAdmin } from "./last-admin";

/**
 * An admin deletes an account, in one audited transaction.
 *
 * Removed — everything private to them: tokens, conversations and messages (with their
 * citations), private artifacts (with versions, passages and their search index entries),
 * to-dos, goals, queued and finished jobs, sandbox files and runs, code issues, approval
 * requests they made, and what the loops derived from their messages (their reflections,
 * summaries, causal events).
 *
 * Kept — the audit log (append-only; its entries name them by username, and that name can
 * never be registered again: lib/auth/register-user.ts), security events about them, a job
 * a worker is running right now (it finishes with no owner), and the shared artifacts they
 * uploaded: other people's answers cite them, so they are reassigned to the admin who
 * deleted the account (their version history still records who wrote each version).
 */
export async function deleteUser(o: { tx: Tx; admin: { id: number; username: string }; userId: number }) {
  const { tx } = o;
  const target = await tx.user.findUnique({ where: { id: o.userId } });
  if (!target) throw new NotFoundError("user");
  if (target.id === o.admin.id) throw new ConflictError("You cannot delete your own account: another admin can");
  await assertNotLastAdmin({ tx, target, change: "delete" });

  const mine = { userId: target.id };
  const removed = {
    tokens: (await tx.apiToken.deleteMany({ where: mine })).count,
    messages: (await tx.chatMessage.deleteMany({ where: mine })).count,
    conversations: (await tx.conversation.deleteMany({ where: mine })).count,
    private_artifacts: (await tx.knowledgeArtifact.deleteMany({ where: { ownerId: target.id, visibility: "private" } })).count,
    tasks: (await tx.task.deleteMany({ where: mine })).count,
    goals: (await tx.goal.deleteMany({ where: mine })).count,
    jobs: (await tx.job.deleteMany({ where: { createdById: target.id, status: { not: "running" } } })).count,
    sandbox_files: (await tx.sandboxFile.deleteMany({ where: mine })).count,
    sandbox_runs: (await tx.sandboxRun.deleteMany({ where: mine })).count,
    code_issues: (await tx.codeIssue.deleteMany({ where: mine })).count,
    approval_requests: (await tx.approvalRequest.deleteMany({ where: { requestedById: target.id } })).count,
    reflections: (await tx.reflection.deleteMany({ where: mine })).count,
    summaries: (await tx.summary.deleteMany({ where: mine })).count,
    causal_events: (await tx.causalEvent.deleteMany({ where: mine })).count,
  };
  const kept = {
    shared_artifacts: (await tx.knowledgeArtifact.updateMany({ where: { ownerId: target.id }, data: { ownerId: o.admin.id } })).count,
    shared_artifacts_owner: o.admin.username,
    audit_entries: await tx.logEntry.count({ where: { actor: target.username } }),
    security_events: await tx.securityEvent.count({ where: mine }),
    running_jobs: await tx.job.count({ where: { createdById: target.id } }),
  };
  await tx.user.delete({ where: { id: target.id } });
  await usersChanged({ tx });
  await append({
    tx,
    actor: o.admin.username,
    action: "user.delete",
    resource: `user:${target.id}`,
    subsystem: "auth",
    payload: { username: target.username, role: target.role, removed, kept },
    result: "success",
  });
  return { deleted: true as const, user: { id: target.id, username: target.username }, removed, kept };
}
