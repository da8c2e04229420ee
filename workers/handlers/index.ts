import type { JobKind } from "../../lib/jobs/kinds";
import { learning } from "./learning";
import { meta } from "./meta";
import { modelTest } from "./model-test";
import { reflection } from "./reflection";
import { steps } from "./steps";
import type { JobHandler } from "./types";
import { urlIngest } from "./url-ingest";
import { sandboxRun } from "./sandbox-run";
import { governedAction } from "./governed-action";

/** One handler per job kind. */
export const handlers: Partial<Record<JobKind, JobHandler<never>>> = {
  steps,
  reflection,
  learning,
  meta,
  url_ingest: urlIngest,
  model_test: modelTest,
  sandbox_run: sandboxRun,
  governed_action: governedAction,
};
