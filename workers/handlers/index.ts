import type { JobKind } from "../../lib/jobs/kinds";
import { learning } from "./learning";
import { meta } from "./meta";
import { reflection } from "./reflection";
import { steps } from "./steps";
import type { JobHandler } from "./types";
import { urlIngest } from "./url-ingest";

/** One handler per job kind. */
export const handlers: Partial<Record<JobKind, JobHandler<never>>> = {
  steps,
  reflection,
  learning,
  meta,
  url_ingest: urlIngest,
};
