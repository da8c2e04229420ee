// A policy's condition: structured JSON, validated when the policy is saved, so a bad part is a
// 422 naming it (body.condition.trust_score.min) and matching never meets a shape it cannot read.
// Every part present must hold for the policy to match; an empty or absent condition matches
// every action of the policy's type.
import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const MAX_GLOB = 512;
export const MAX_KEYWORDS = 50;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const score = z.number({ message: "must be a number from 0 to 100" }).min(0, "must be at least 0").max(100, "must be at most 100");

export const conditionSchema = z
  .object({
    /** A glob over the action's resource ("artifact:*", "https://*.example.org/*"): * any run of characters, ? one. */
    resource: z.string().trim().min(1, "must not be empty").max(MAX_GLOB, `must be at most ${MAX_GLOB} characters`).optional(),
    /** Any of these words or phrases in the payload's text (case-insensitive, whole words). */
    keywords: z
      .array(z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"), { message: "must be a list of words" })
      .min(1, "must name at least one keyword")
      .max(MAX_KEYWORDS, `must have at most ${MAX_KEYWORDS} keywords`)
      .optional(),
    /** The requester's role is one of these. */
    roles: z.array(z.enum(["admin", "user"], { message: 'must be "admin" or "user"' })).min(1, "must name at least one role").optional(),
    /** The action's trust score (URL ingestion) is in [min, max]; an action with no score never matches. */
    trust_score: z
      .strictObject({ min: score.optional(), max: score.optional() }, { message: "must be an object {min?, max?}" })
      .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not be above max", path: ["min"] })
      .optional(),
    /** When the action happens, in a time zone: days of the week and hours [from, to) (to < from wraps past midnight). */
    time_window: z
      .strictObject(
        {
          days: z.array(z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(", ")}` })).min(1, "must name at least one day").optional(),
          hours: z
            .strictObject({
              from: z.number().int("must be a whole hour").min(0, "must be from 0 to 23").max(23, "must be from 0 to 23"),
              to: z.number().int("must be a whole hour").min(0, "must be from 0 to 24").max(24, "must be from 0 to 24"),
            })
            .refine((h) => h.from !== h.to, { message: "from and to must differ", path: ["to"] })
            .optional(),
          time_zone: z.string().max(64, "must be at most 64 characters").refine(isTimeZone, "must be an IANA time zone such as Europe/Paris").default("UTC"),
        },
        { message: "must be an object {days?, hours?, time_zone?}" },
      )
      .optional(),
    /**
     * More than `max` of this action by the same user within `window_seconds`: this one is the
     * (max+1)th. Counted from the audit log (entries with the action's name by that actor).
     */
    rate: z
      .strictObject({
        max: z.number().int("must be a whole number").min(0, "must be at least 0").max(1_000_000, "must be at most 1000000"),
        window_seconds: z.number().int("must be a whole number").min(1, "must be at least 1").max(90 * 86_400, "must be at most 7776000 (90 days)"),
      })
      .optional(),
  }, { message: "must be an object" })
  .strict();

export type Condition = z.output<typeof conditionSchema>;
