// The queue's signals: "a job is ready" wakes idle workers, "job N is done" wakes the web
// process waiting for it, "cancel job N" stops its run at once. They only make things faster:
// every listener still polls, so a lost signal costs a poll period, never a job.
import { databaseConfig, type DatabaseConfig } from "../../db/config";
import { localBus } from "./local";
import { postgresBus } from "./postgres";
import type { SignalBus } from "./types";

export type { JobSignal, SignalBus } from "./types";

const g = globalThis as unknown as { graceSignalBuses?: Map<string, SignalBus> };
const buses = (g.graceSignalBuses ??= new Map());

/** The bus of a database (the configured one by default): one per process and database. */
export function jobSignals(target: DatabaseConfig = databaseConfig()): SignalBus {
  const key = target.provider === "postgres" ? target.url : target.file;
  let bus = buses.get(key);
  if (!bus) buses.set(key, (bus = target.provider === "postgres" ? postgresBus(target.url) : localBus(target.file)));
  return bus;
}
