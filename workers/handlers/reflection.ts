import { runReflection } from "../../lib/loops/run-reflection";
import { timedLoop } from "./timed-loop";
import type { JobHandler } from "./types";

export const reflection: JobHandler<unknown> = async ({ db, progress }) => {
  const result = await timedLoop({ db, name: "reflection", cycle: () => runReflection({ db }) });
  await progress(100, result.written ? `${result.messageCount} messages reflected on` : "nothing new");
  return result;
};
