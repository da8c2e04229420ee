// Queue timings, from the environment (README lists them) so tests can shorten them.
function num(name: string, fallback: number) {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export const queueSettings = {
  /** How long a claim lasts without a heartbeat. */
  get leaseMs() {
    return num("GRACE_JOB_LEASE_SECONDS", 30) * 1000;
  },
  /** Heartbeat period: a third of the lease, so two can be missed. */
  get heartbeatMs() {
    return Math.max(100, Math.floor(this.leaseMs / 3));
  },
  /** Idle poll period of each worker. */
  get pollMs() {
    return num("GRACE_QUEUE_POLL_MS", 500);
  },
  /** First retry delay; doubles each attempt, capped at an hour. */
  get backoffBaseMs() {
    return num("GRACE_JOB_BACKOFF_MS", 2000);
  },
  get defaultMaxAttempts() {
    return num("GRACE_JOB_MAX_ATTEMPTS", 3);
  },
  /** On SIGTERM, how long running jobs may take to finish before their leases are released. */
  get shutdownGraceMs() {
    return num("GRACE_SHUTDOWN_GRACE_SECONDS", 10) * 1000;
  },
};

export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, queueSettings.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
}
