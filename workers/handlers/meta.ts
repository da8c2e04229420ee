import { runMeta } from "../../lib/loops/run-meta";
import { timedLoop } from "./timed-loop";
import type { JobHandler } from "./types";

export const meta: JobHandler<unknown> = async ({ db }) => {
  const { band, changes, analysis, evaluations } = await timedLoop({ db, name: "meta", cycle: () => runMeta({ db }) });
  return { band, changes, analysis_id: analysis.id, evaluation_ids: evaluations.map((e) => e.id) };
};
