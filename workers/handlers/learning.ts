import { runLearning } from "../../lib/loops/run-learning";
import type { JobHandler } from "./types";

export const learning: JobHandler<unknown> = async ({ db }) => {
  const { created } = await runLearning({ db });
  return { tasks_created: created.length, created };
};
