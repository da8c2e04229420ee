import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import type { jobPayloads } from "../../lib/jobs/kinds";
import type { JobHandler } from "./types";

// The earlier system's executor demo: N steps, progress after each. No side effects, so a
// retry simply runs it again.
export const steps: JobHandler<z.output<typeof jobPayloads.steps>> = async ({ payload, progress, signal }) => {
  for (let i = 1; i <= payload.steps; i++) {
    await sleep(payload.step_ms, undefined, { signal });
    await progress((i / payload.steps) * 100, `step ${i} of ${payload.steps}`);
  }
  return { steps_completed: payload.steps };
};
