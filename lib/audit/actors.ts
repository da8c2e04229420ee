// Every name Grace itself writes into the audit log as an actor, defined here and nowhere
// else. People see the entries whose actor is their username, so none of these may ever be a
// username: lib/auth/schemas.ts reserves them all, and tests/unit/actors.test.ts fails on any
// `actor: "<literal>"` in lib/, workers/, app/ or scripts/ that is not one of them.
import type { LoopName } from "../loops/config";

/** Grace acting on its own: the launcher, the supervisor, lockouts, the first admin. */
export const SYSTEM_ACTOR = "system";
/** The worker process finishing queue work (jobs, approved actions, the loops' cycles). */
export const WORKER_ACTOR = "worker";
/** The security scanner. */
export const HUNTER_ACTOR = "hunter";
/** A failed sign-in for a name that does not exist (the name itself goes in the payload). */
export const ANONYMOUS_ACTOR = "anonymous";
/** An event whose person could not be told (a session without a name). */
export const UNKNOWN_ACTOR = "unknown";

/**
 * One actor per background loop. Typed by the loops' own list (lib/loops/config.ts), so a
 * new loop does not compile until it has an actor here, and its name is reserved with it.
 */
export const LOOP_ACTORS = {
  reflection: "reflection-loop",
  learning: "learning-loop",
  meta: "meta-loop",
  health: "health-loop",
} as const satisfies Record<LoopName, `${LoopName}-loop`>;

export const HEALTH_ACTOR = LOOP_ACTORS.health;
export const META_ACTOR = LOOP_ACTORS.meta;

/** Every actor Grace writes itself. */
export const SYSTEM_ACTORS: readonly string[] = [SYSTEM_ACTOR, WORKER_ACTOR, HUNTER_ACTOR, ANONYMOUS_ACTOR, UNKNOWN_ACTOR, ...Object.values(LOOP_ACTORS)];

/** Names nobody may register or be given: the system actors, and Grace's own name. */
export const RESERVED_USERNAMES: readonly string[] = [...SYSTEM_ACTORS, "grace"];

export function isReservedUsername(name: string): boolean {
  return RESERVED_USERNAMES.includes(name.trim().toLowerCase());
}
