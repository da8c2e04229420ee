import { runLearning } from "../../lib/loops/run-learning";
import { timedLoop } from "./timed-loop";
import type { JobHandler } from "./types";

export const learning: JobHandler<unknown> = async ({ db }) => {
  const { created } = await timedLoop({ db, name: "learning", cycle: () => runLearning({ db }) });
  return { tasks_created: created.length, created };
};
