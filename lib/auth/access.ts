// What a user may see and change, decided here and nowhere else. Lists ask for a scope (a
// `where` fragment); single rows ask for a check. Route handlers never compare roles.
import type { AuthUser } from "./schemas";
import { ForbiddenError } from "../errors";

type Viewer = Pick<AuthUser, "id" | "role">;

export function isAdmin(user: { role: string } | null | undefined): boolean {
  return user?.role === "admin";
}

/** Rows a user owns through `field` (e.g. a job's createdById); an admin sees every row. */
export function ownedScope<F extends string>(user: Viewer, field: F, o: { everyone?: boolean } = {}): Partial<Record<F, number>> {
  return isAdmin(user) && o.everyone !== false ? {} : ({ [field]: user.id } as Record<F, number>);
}

/** Knowledge a user may read: shared artifacts and their own private ones (admins too: private means private). */
export function readableArtifacts(user: Pick<AuthUser, "id">) {
  return { deletedAt: null, OR: [{ visibility: "shared" }, { ownerId: user.id }] };
}

/** Only the owner or an admin may change or delete an artifact. */
export function canChangeArtifact(user: Viewer, artifact: { ownerId: number }): boolean {
  return artifact.ownerId === user.id || isAdmin(user);
}

export function assertCanChangeArtifact(user: Viewer, artifact: { ownerId: number }) {
  if (!canChangeArtifact(user, artifact)) throw new ForbiddenError("Only the owner or an admin can change this artifact");
}

/** Audit entries: an admin sees everyone's (optionally filtered by actor); anyone else only their own. */
export function auditActorFilter(user: Pick<AuthUser, "username" | "role">, requested?: string): string | undefined {
  return isAdmin(user) ? requested : user.username;
}

/**
 * A loop's job reports on everybody's data, so only admins see its result; people see the
 * results of the work they submitted themselves ("steps" jobs).
 */
export function canSeeJobResult(user: Pick<AuthUser, "role">, job: { kind: string }): boolean {
  return isAdmin(user) || job.kind === "steps";
}

/**
 * Loops run at priority 10 and on-demand cycles at 20: people's jobs never jump ahead of
 * them, and only an admin can put a job above the default.
 */
export function allowedJobPriority(user: Pick<AuthUser, "role">, requested: number): number {
  return isAdmin(user) ? requested : Math.min(0, requested);
}

/** Security alerts are about everyone: admins only. */
export function canSeeAlerts(user: Pick<AuthUser, "role">): boolean {
  return isAdmin(user);
}

/** One row owned through an id (a job's creator, a reflection's user): its owner or an admin. */
export function canSeeOwned(user: Viewer, ownerId: number | null): boolean {
  return isAdmin(user) || ownerId === user.id;
}

/** For reports over people's activity: an admin's cover everyone (undefined), anyone else's only themself. */
export function ownUserIdUnlessAdmin(user: Viewer): number | undefined {
  return isAdmin(user) ? undefined : user.id;
}

/** The accounts that can administer Grace: admins who are not disabled (a `where` fragment). */
export const ACTIVE_ADMINS = { role: "admin", disabledAt: null } as const;

/** Whether an account is one of ACTIVE_ADMINS. */
export function isActiveAdmin(user: { role: string; disabledAt: Date | null }): boolean {
  return isAdmin(user) && user.disabledAt === null;
}

/** Activity summaries: everyone sees their own; an admin also the overall ones (about everybody). */
export function summaryScope(user: Viewer) {
  return isAdmin(user) ? { OR: [{ userId: user.id }, { userId: null }] } : { userId: user.id };
}

/** An overall summary (everybody's activity) is for admins to ask for. */
export function assertCanSummariseEveryone(user: Pick<AuthUser, "role">) {
  if (!isAdmin(user)) throw new ForbiddenError("Only an admin can summarise everyone's activity");
}
