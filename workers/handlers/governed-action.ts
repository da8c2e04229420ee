import { executeApproval } from "../../lib/governance/execute-approval";
import type { JobHandler } from "./types";

// Runs an approved action as the person who asked for it; executeApproval makes it happen once.
export const governedAction: JobHandler<{ approval_id: number }> = async ({ payload, db }) => executeApproval({ db, approvalId: payload.approval_id });
