import { testModelConnection } from "../../lib/llm/test-connection";
import type { JobHandler } from "./types";

// Settings → Model's "Test connection": one short prompt to the model in force. Outbound calls
// run here, on the worker, never in a web request. Success or failure, the job completes with
// the outcome as its result (the reply and latency, or the error in plain words), so it is not
// retried and the page shows exactly what happened.
export const modelTest: JobHandler<Record<string, never>> = async ({ db, signal, progress }) => {
  await progress(10, "asking the model");
  return testModelConnection({ db, signal });
};
