import { runReflection } from "../../lib/loops/run-reflection";
import type { JobHandler } from "./types";

export const reflection: JobHandler<unknown> = async ({ db, progress }) => {
  const result = await runReflection({ db });
  await progress(100, result.written ? `${result.messageCount} messages reflected on` : "nothing new");
  return result;
};
