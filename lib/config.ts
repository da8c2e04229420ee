// Every tunable of Grace, read from the environment with a documented default
// (README.md lists them). Read lazily so tests can set short values per file.
function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return Math.floor(value);
}

function bool(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  return ["1", "true", "yes", "on"].includes(raw);
}

export const config = {
  get openRegistration() {
    return bool("GRACE_OPEN_REGISTRATION", false);
  },
  /** Largest request body the API accepts, in bytes. */
  get maxBodyBytes() {
    return int("GRACE_MAX_BODY_BYTES", 1_048_576);
  },
  /** Lifetime of the access_token from POST /api/auth/login|register, in seconds. */
  get loginTokenTtlSeconds() {
    return int("GRACE_LOGIN_TOKEN_TTL", 30 * 24 * 3600);
  },
  /** Browser session lifetime, in seconds. */
  get sessionMaxAgeSeconds() {
    return int("GRACE_SESSION_MAX_AGE", 7 * 24 * 3600);
  },
  lockout: {
    /** Failures per username + IP inside the window that lock sign-in. */
    get maxFailures() {
      return int("GRACE_LOGIN_MAX_FAILURES", 10);
    },
    /** Failures from one IP (any username) inside the window that lock that IP. */
    get maxFailuresPerIp() {
      return int("GRACE_LOGIN_MAX_FAILURES_PER_IP", 50);
    },
    get windowSeconds() {
      return int("GRACE_LOGIN_WINDOW_SECONDS", 900);
    },
    get lockSeconds() {
      return int("GRACE_LOGIN_LOCK_SECONDS", 900);
    },
    /** Failures after which each further failed attempt is answered more slowly. */
    get slowAfter() {
      return int("GRACE_LOGIN_SLOW_AFTER", 3);
    },
    /** Added delay per failure past slowAfter, in ms (capped at 2 s). */
    get slowStepMs() {
      return int("GRACE_LOGIN_SLOW_STEP_MS", 250);
    },
  },
  /** How long POST /api/ingest/url waits for its url_ingest job before answering 202 queued, in ms. */
  get urlIngestWaitMs() {
    return int("GRACE_URL_INGEST_WAIT_MS", 15_000);
  },
  /** Seconds between worker heartbeats. */
  get workerHeartbeatSeconds() {
    return int("GRACE_WORKER_HEARTBEAT_SECONDS", 10);
  },
  /** Trust X-Forwarded-For from a reverse proxy for the client address. */
  get trustProxy() {
    return bool("GRACE_TRUST_PROXY", false);
  },
  /** The public origin (scheme://host[:port]) browsers use; CSRF checks accept it. */
  get publicOrigin(): string | undefined {
    const url = process.env.GRACE_PUBLIC_URL || process.env.NEXTAUTH_URL;
    return url ? new URL(url).origin : undefined;
  },
};
