import { z } from "zod";

export const GOAL_STATUSES = ["active", "completed", "abandoned"] as const;

export const createGoalSchema = z.object({
  goal_text: z.string().trim().min(1, "is required").max(2000, "must be at most 2000 characters"),
  target_date: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).or(z.iso.date({ message: "must be an ISO 8601 date" })).nullish(),
});

export const updateGoalSchema = createGoalSchema
  .partial()
  .extend({ status: z.enum(GOAL_STATUSES).optional() })
  .refine((v) => Object.keys(v).length > 0, "give at least one of goal_text, target_date, status");

export function serializeGoal(g: { id: number; goalText: string; targetDate: Date | null; status: string; createdAt: Date; completedAt: Date | null }) {
  return { id: g.id, goal_text: g.goalText, target_date: g.targetDate?.toISOString() ?? null, status: g.status, created_at: g.createdAt.toISOString(), completed_at: g.completedAt?.toISOString() ?? null };
}
