import { config } from "../config";

/** Delay before retrying a job that failed `attempts` times: doubles each attempt, at most an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, config.queue.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
