// Every setting of Grace, in one zod schema over the environment (README.md lists them with
// their defaults). No other module reads process.env. `npm start` and the worker parse it at
// start (`loadConfig`), so an invalid value stops them naming the variable; the rest of Grace
// reads `config`, parsed on first use. Tests that change a variable call `reloadConfig()`.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

type Env = Record<string, string | undefined>;

const isSet = (v: string | undefined): v is string => v !== undefined && v.trim() !== "";

function int(fallback: number, o: { min?: number; max?: number } = {}) {
  const min = o.min ?? 0;
  const max = o.max ?? Number.MAX_SAFE_INTEGER;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!isSet(raw)) return fallback;
      const n = Number(raw.trim());
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a number from ${min} to ${max}, got "${raw}"` });
        return z.NEVER;
      }
      return Math.floor(n);
    });
}

function bool(fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!isSet(raw)) return fallback;
      const v = raw.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(v)) return true;
      if (["0", "false", "no", "off"].includes(v)) return false;
      ctx.addIssue({ code: "custom", message: `must be true or false (1/0, yes/no, on/off), got "${raw}"` });
      return z.NEVER;
    });
}

const text = (fallback?: string) => z.string().optional().transform((raw) => (isSet(raw) ? raw.trim() : fallback));

function url(protocols: RegExp, what: string) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!isSet(raw)) return undefined;
      try {
        const parsed = new URL(raw.trim());
        if (protocols.test(parsed.protocol)) return raw.trim();
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: `must be ${what}, got "${raw}"` });
      return z.NEVER;
    });
}

// The schema's keys are the variables' names, so an error names the variable to fix.
const envSchema = z.object({
  PORT: int(3000, { min: 1, max: 65_535 }),
  HOST: text("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => !isSet(v) || /^(postgres(ql)?:\/\/|file:)/.test(v.trim()), "must start with postgres://, postgresql:// or file:"),
  GRACE_DATA_DIR: text("./data"),
  GRACE_MIGRATIONS_DIR: text("prisma"),
  GRACE_PG_POOL_SIZE: int(10, { min: 1, max: 1000 }),
  GRACE_PG_LOCK_TIMEOUT_MS: int(10_000),
  GRACE_PG_STATEMENT_TIMEOUT_MS: int(30_000),
  GRACE_SQLITE_BUSY_TIMEOUT_MS: int(10_000, { min: 1 }),
  GRACE_SQLITE_SYNCHRONOUS: z
    .string()
    .optional()
    .transform((v) => (isSet(v) ? v.trim().toUpperCase() : "NORMAL"))
    .pipe(z.enum(["OFF", "NORMAL", "FULL", "EXTRA"], { message: "must be NORMAL, FULL, EXTRA or OFF" })),
  GRACE_ADMIN_PASSWORD: text(),
  NEXTAUTH_SECRET: text(),
  AUTH_SECRET: text(),
  GRACE_PUBLIC_URL: url(/^https?:$/, "an http(s) URL"),
  NEXTAUTH_URL: url(/^https?:$/, "an http(s) URL"),
  GRACE_OPEN_REGISTRATION: bool(false),
  GRACE_TRUST_PROXY: bool(false),
  GRACE_MAX_BODY_BYTES: int(1_048_576, { min: 1024 }),
  GRACE_MAX_IMPORT_BYTES: int(20 * 1_048_576, { min: 1024 }),
  GRACE_LOGIN_TOKEN_TTL: int(30 * 24 * 3600, { min: 60 }),
  GRACE_SESSION_MAX_AGE: int(7 * 24 * 3600, { min: 60 }),
  GRACE_LOGIN_MAX_FAILURES: int(10, { min: 1 }),
  GRACE_LOGIN_MAX_FAILURES_PER_IP: int(50, { min: 1 }),
  GRACE_LOGIN_WINDOW_SECONDS: int(900, { min: 1 }),
  GRACE_LOGIN_LOCK_SECONDS: int(900, { min: 1 }),
  GRACE_LOGIN_SLOW_AFTER: int(3),
  GRACE_LOGIN_SLOW_STEP_MS: int(250, { max: 2000 }),
  GRACE_WORKERS: int(0, { max: 256 }),
  GRACE_WORKER_HEARTBEAT_SECONDS: int(10, { min: 1 }),
  GRACE_JOB_LEASE_SECONDS: int(30, { min: 1 }),
  GRACE_JOB_BACKOFF_MS: int(2000, { min: 1 }),
  GRACE_JOB_MAX_ATTEMPTS: int(3, { min: 1, max: 100 }),
  GRACE_QUEUE_POLL_MS: int(500, { min: 1 }),
  GRACE_SHUTDOWN_GRACE_SECONDS: int(10),
  GRACE_LOOP_LEASE_SECONDS: int(15, { min: 1 }),
  GRACE_LOOPS: bool(true),
  GRACE_SUPERVISOR_BACKOFF_MS: int(1000, { min: 1 }),
  GRACE_SUPERVISOR_BACKOFF_MAX_MS: int(30_000, { min: 1 }),
  GRACE_SUPERVISOR_STABLE_SECONDS: int(60, { min: 1 }),
  GRACE_SUPERVISOR_POLL_MS: int(1000, { min: 10 }),
  GRACE_SUPERVISOR_STOP_TIMEOUT_SECONDS: int(30, { min: 1 }),
  GRACE_EVENTS_POLL_MS: int(1000, { min: 10 }),
  GRACE_JOB_RETENTION_DAYS: int(14, { min: 1 }),
  GRACE_HEALTH_RETENTION_DAYS: int(7, { min: 1 }),
  GRACE_METRICS_RETENTION_DAYS: int(2, { min: 1 }),
  GRACE_SIGNIN_RETENTION_DAYS: int(30, { min: 1 }),
  GRACE_HEALING_RETENTION_DAYS: int(30, { min: 1 }),
  GRACE_META_RETENTION_DAYS: int(30, { min: 1 }),
  GRACE_MANUAL_TRUST: int(75, { max: 100 }),
  GRACE_ALLOW_PRIVATE_URLS: bool(false),
  GRACE_SEARCH_COMMON_TERM_PASSAGES: int(2000, { min: 1 }),
  GRACE_URL_INGEST_WAIT_MS: int(15_000),
  // Seconds a request held by a governance policy waits for an admin before it expires.
  GRACE_APPROVAL_TTL: int(7 * 86_400, { min: 60 }),
  GRACE_MAX_MESSAGE_CHARS: int(8000, { min: 1 }),
  GRACE_LLM_BASE_URL: url(/^https?:$/, "an http(s) URL"),
  GRACE_LLM_MODEL: text("default"),
  GRACE_LLM_API_KEY: text(),
  GRACE_LLM_TIMEOUT_MS: int(30_000, { min: 1 }),
  GRACE_PARSE_MEMORY_MB: int(256, { min: 160, max: 65_536 }), // Node, tsx and pdf.js need ~150 MB to start
  GRACE_PARSE_CPU_SECONDS: int(10, { min: 1, max: 3600 }),
  GRACE_PARSE_TIMEOUT_MS: int(15_000, { min: 100 }),
  GRACE_PARSE_MAX_TEXT_BYTES: int(20 * 1024 * 1024, { min: 1024 }),
  GRACE_PARSE_MAX_DEPTH: int(1000, { min: 1, max: 100_000 }),
  GRACE_PARSE_PRLIMIT: text("prlimit"),
  GRACE_PARSE_CONCURRENCY: int(2, { min: 1, max: 64 }),
  // User code (lib/sandbox/runner). "bwrap" (the default) isolates each run with bubblewrap;
  // "process" is an explicit admin choice for hosts without it, and much weaker: prlimit and a
  // private network namespace only, no filesystem or PID isolation (the program can read every
  // world-readable file, and writes to the host's /tmp survive the run).
  GRACE_SANDBOX: z
    .string()
    .optional()
    .transform((v) => (isSet(v) ? v.trim().toLowerCase() : "bwrap"))
    .pipe(z.enum(["bwrap", "process"], { message: "must be bwrap or process" })),
  GRACE_SANDBOX_BWRAP: text("bwrap"),
  GRACE_SANDBOX_PRLIMIT: text("prlimit"),
  GRACE_SANDBOX_UNSHARE: text("unshare"),
  GRACE_SANDBOX_PYTHON: text("python3"),
  GRACE_SANDBOX_NODE: text("node"),
  GRACE_SANDBOX_BASH: text("bash"),
  GRACE_SANDBOX_DIR: text(),
  GRACE_SANDBOX_UID_BASE: int(60_000, { min: 1000, max: 4_000_000_000 }),
  GRACE_SANDBOX_SLOTS: int(32, { min: 1, max: 4096 }),
  GRACE_SANDBOX_CPU_SECONDS: int(5, { min: 1, max: 3600 }),
  GRACE_SANDBOX_MAX_CPU_SECONDS: int(30, { min: 1, max: 3600 }),
  GRACE_SANDBOX_WALL_SECONDS: int(10, { min: 1, max: 3600 }),
  GRACE_SANDBOX_MAX_WALL_SECONDS: int(60, { min: 1, max: 3600 }),
  GRACE_SANDBOX_MEMORY_MB: int(256, { min: 64, max: 65_536 }), // Node needs ~50 MB of data segment to start
  GRACE_SANDBOX_MAX_MEMORY_MB: int(1024, { min: 64, max: 65_536 }),
  GRACE_SANDBOX_PROCESSES: int(64, { min: 16, max: 4096 }), // threads count: Node starts ~11
  GRACE_SANDBOX_MAX_PROCESSES: int(256, { min: 16, max: 4096 }),
  GRACE_SANDBOX_FILE_SIZE_MB: int(10, { min: 1, max: 65_536 }),
  GRACE_SANDBOX_MAX_FILE_SIZE_MB: int(100, { min: 1, max: 65_536 }),
  GRACE_SANDBOX_OUTPUT_KB: int(64, { min: 1, max: 1_048_576 }),
  GRACE_SANDBOX_MAX_OUTPUT_KB: int(1024, { min: 1, max: 1_048_576 }),
  GRACE_SANDBOX_WORKSPACE_MB: int(64, { min: 1, max: 65_536 }),
  GRACE_SANDBOX_MAX_WORKSPACE_MB: int(512, { min: 1, max: 65_536 }),
  GRACE_SANDBOX_COLLECT_FILE_BYTES: int(1_048_576, { min: 1 }),
  GRACE_SANDBOX_COLLECT_TOTAL_BYTES: int(8 * 1_048_576, { min: 1 }),
  GRACE_SKIP_BUILD: bool(false),
  GRACE_DEBUG_ENGINE: bool(false),
  GRACE_SIGNING_KEY: text(),
  GRACE_SIGNING_KEY_FILE: text(),
  GRACE_TREE_HEAD_INTERVAL_MS: int(60_000, { min: 100 }),
  GRACE_LOG_WITNESS_URLS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const urls = (raw ?? "").split(",").map((u) => u.trim()).filter(Boolean);
      for (const u of urls) {
        if (!URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol)) {
          ctx.addIssue({ code: "custom", message: `must be http(s) URLs separated by commas, got "${u}"` });
          return z.NEVER;
        }
      }
      return urls;
    }),
  GRACE_LOG_WITNESS_TOKEN: text(),
});

function build(e: z.output<typeof envSchema>) {
  const sec = (s: number) => s * 1000;
  const day = (d: number) => d * 86_400_000;
  const publicUrl = e.GRACE_PUBLIC_URL ?? e.NEXTAUTH_URL;
  return {
    port: e.PORT,
    host: e.HOST!,
    /** The raw DATABASE_URL; lib/db/config.ts decides what it means. */
    databaseUrl: e.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(/* turbopackIgnore: true */ e.GRACE_DATA_DIR!),
    migrationsDir: e.GRACE_MIGRATIONS_DIR!,
    pgPoolSize: e.GRACE_PG_POOL_SIZE,
    /** PostgreSQL's lock_timeout: how long a statement waits for another's lock before failing (→ 503 busy); 0: no limit. */
    pgLockTimeoutMs: e.GRACE_PG_LOCK_TIMEOUT_MS,
    /** PostgreSQL's statement_timeout: the longest one statement may run (→ 503 busy); 0: no limit. */
    pgStatementTimeoutMs: e.GRACE_PG_STATEMENT_TIMEOUT_MS,
    sqliteBusyTimeoutMs: e.GRACE_SQLITE_BUSY_TIMEOUT_MS,
    sqliteSynchronous: e.GRACE_SQLITE_SYNCHRONOUS,
    adminPassword: e.GRACE_ADMIN_PASSWORD,
    /** NEXTAUTH_SECRET or AUTH_SECRET; unset, one is generated into the data dir. */
    authSecret: e.NEXTAUTH_SECRET ?? e.AUTH_SECRET,
    /** The public origin (scheme://host[:port]) browsers use; CSRF checks accept it. */
    publicOrigin: publicUrl ? new URL(publicUrl).origin : undefined,
    /** NEXTAUTH_URL, else GRACE_PUBLIC_URL: what `npm start` hands next-auth as NEXTAUTH_URL. */
    authUrl: e.NEXTAUTH_URL ?? e.GRACE_PUBLIC_URL,
    openRegistration: e.GRACE_OPEN_REGISTRATION,
    /** Trust X-Forwarded-For from a reverse proxy for the client address. */
    trustProxy: e.GRACE_TRUST_PROXY,
    /** Largest request body the API accepts, in bytes. */
    maxBodyBytes: e.GRACE_MAX_BODY_BYTES,
    /** Largest knowledge import (POST /api/memory/import), in bytes. */
    maxImportBytes: e.GRACE_MAX_IMPORT_BYTES,
    /** Lifetime of the access_token from POST /api/auth/login|register, in seconds. */
    loginTokenTtlSeconds: e.GRACE_LOGIN_TOKEN_TTL,
    /** Browser session lifetime, in seconds. */
    sessionMaxAgeSeconds: e.GRACE_SESSION_MAX_AGE,
    lockout: {
      /** Failures per username + IP inside the window that lock sign-in. */
      maxFailures: e.GRACE_LOGIN_MAX_FAILURES,
      /** Failures from one IP (any username) inside the window that lock that IP. */
      maxFailuresPerIp: e.GRACE_LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: e.GRACE_LOGIN_WINDOW_SECONDS,
      lockSeconds: e.GRACE_LOGIN_LOCK_SECONDS,
      /** Failures after which each further failed attempt is answered more slowly. */
      slowAfter: e.GRACE_LOGIN_SLOW_AFTER,
      /** Added delay per failure past slowAfter, in ms (capped at 2 s). */
      slowStepMs: e.GRACE_LOGIN_SLOW_STEP_MS,
    },
    worker: {
      /** Jobs one worker process runs at once (0 in the environment: one per CPU). */
      concurrency: e.GRACE_WORKERS || os.availableParallelism(),
      heartbeatSeconds: e.GRACE_WORKER_HEARTBEAT_SECONDS,
      /** Run the background loops in this worker. */
      loops: e.GRACE_LOOPS,
    },
    queue: {
      /** How long a claim lasts without a heartbeat. */
      leaseMs: sec(e.GRACE_JOB_LEASE_SECONDS),
      /** Heartbeat period: a third of the lease, so two can be missed. */
      heartbeatMs: Math.max(100, Math.floor(sec(e.GRACE_JOB_LEASE_SECONDS) / 3)),
      /** Idle poll period of each worker. */
      pollMs: e.GRACE_QUEUE_POLL_MS,
      /** First retry delay; doubles each attempt, capped at an hour. */
      backoffBaseMs: e.GRACE_JOB_BACKOFF_MS,
      defaultMaxAttempts: e.GRACE_JOB_MAX_ATTEMPTS,
      /** On SIGTERM, how long running jobs may take to finish before their leases are released. */
      shutdownGraceMs: sec(e.GRACE_SHUTDOWN_GRACE_SECONDS),
    },
    loopLeaseMs: sec(e.GRACE_LOOP_LEASE_SECONDS),
    supervisor: {
      /** First delay before `npm start` restarts a child that died; doubles per crash in a row. */
      backoffMs: e.GRACE_SUPERVISOR_BACKOFF_MS,
      backoffMaxMs: Math.max(e.GRACE_SUPERVISOR_BACKOFF_MS, e.GRACE_SUPERVISOR_BACKOFF_MAX_MS),
      /** A child that stayed up this long starts again from the first delay when it dies. */
      stableMs: sec(e.GRACE_SUPERVISOR_STABLE_SECONDS),
      /** How often the supervisor looks for restart requests (POST /api/health/restart). */
      pollMs: e.GRACE_SUPERVISOR_POLL_MS,
      /** How long a child may take to exit after SIGTERM before it is killed. */
      stopTimeoutMs: sec(e.GRACE_SUPERVISOR_STOP_TIMEOUT_SECONDS),
    },
    eventsPollMs: e.GRACE_EVENTS_POLL_MS,
    retention: {
      jobsMs: day(e.GRACE_JOB_RETENTION_DAYS),
      healthChecksMs: day(e.GRACE_HEALTH_RETENTION_DAYS),
      metricsMs: day(e.GRACE_METRICS_RETENTION_DAYS),
      /** Sign-in attempts; never less than the lockout window and lock need (lib/health/sweep.ts). */
      signInAttemptsMs: day(e.GRACE_SIGNIN_RETENTION_DAYS),
      healingActionsMs: day(e.GRACE_HEALING_RETENTION_DAYS),
      /** Meta analyses and the evaluations of their changes. */
      metaMs: day(e.GRACE_META_RETENTION_DAYS),
    },
    /** Trust given to text and files a user provides themself. */
    manualTrust: e.GRACE_MANUAL_TRUST,
    /** Lets URL ingestion fetch private addresses (tests' local servers only). */
    allowPrivateUrls: e.GRACE_ALLOW_PRIVATE_URLS,
    /** Words found in more passages than this are left out of the any-word search. */
    searchCommonTermPassages: e.GRACE_SEARCH_COMMON_TERM_PASSAGES,
    /** How long POST /api/ingest/url waits for its url_ingest job before answering 202 queued, in ms. */
    urlIngestWaitMs: e.GRACE_URL_INGEST_WAIT_MS,
    approvalTtlSeconds: e.GRACE_APPROVAL_TTL,
    maxMessageChars: e.GRACE_MAX_MESSAGE_CHARS,
    llm: { baseUrl: e.GRACE_LLM_BASE_URL, model: e.GRACE_LLM_MODEL!, apiKey: e.GRACE_LLM_API_KEY, timeoutMs: e.GRACE_LLM_TIMEOUT_MS },
    /** Limits on parsing untrusted files (PDF, HTML, JSON), done in a child process under prlimit. */
    parse: {
      /** The child's data segment (RLIMIT_DATA), in MB; ArrayBuffers count, unlike worker_threads' resourceLimits. */
      memoryMb: e.GRACE_PARSE_MEMORY_MB,
      /** The child's CPU time (RLIMIT_CPU), in seconds. */
      cpuSeconds: e.GRACE_PARSE_CPU_SECONDS,
      /** Wall-clock time before the child is killed, in ms. */
      timeoutMs: e.GRACE_PARSE_TIMEOUT_MS,
      /** Most text one file may yield, in UTF-8 bytes. */
      maxTextBytes: e.GRACE_PARSE_MAX_TEXT_BYTES,
      /** Deepest nesting of HTML elements or JSON arrays/objects accepted. */
      maxDepth: e.GRACE_PARSE_MAX_DEPTH,
      /** The prlimit program (util-linux); without it nothing is parsed. */
      prlimit: e.GRACE_PARSE_PRLIMIT!,
      /** Parsing children one process runs at once; more uploads wait their turn. */
      concurrency: e.GRACE_PARSE_CONCURRENCY,
    },
    /** Running user code (lib/sandbox/runner): only the worker does, one program per run. */
    sandbox: {
      /** "bwrap": bubblewrap namespaces; "process": prlimit + a private network namespace only (weaker, an explicit choice). */
      mode: e.GRACE_SANDBOX,
      /** The programs used: names are looked up in the system directories (/usr/local/bin, /usr/bin, /bin), not $PATH. */
      bwrap: e.GRACE_SANDBOX_BWRAP!,
      prlimit: e.GRACE_SANDBOX_PRLIMIT!,
      unshare: e.GRACE_SANDBOX_UNSHARE!,
      interpreters: { python: e.GRACE_SANDBOX_PYTHON!, node: e.GRACE_SANDBOX_NODE!, bash: e.GRACE_SANDBOX_BASH! },
      /** Where each run's workspace is made (and deleted after the run); must not be writable by others. */
      dir: path.resolve(/* turbopackIgnore: true */ e.GRACE_SANDBOX_DIR ?? path.join(os.tmpdir(), "grace-sandbox")),
      /** A worker running as root runs slot n's program as host uid (and gid) uidBase + n. */
      uidBase: e.GRACE_SANDBOX_UID_BASE,
      /** Runs at once on one host (every worker process shares them): uids uidBase … uidBase + slots - 1. */
      slots: e.GRACE_SANDBOX_SLOTS,
      /** Each run's limits unless it asks for others; a run may ask for up to `max`. */
      limits: {
        cpu_seconds: e.GRACE_SANDBOX_CPU_SECONDS,
        wall_seconds: e.GRACE_SANDBOX_WALL_SECONDS,
        memory_mb: e.GRACE_SANDBOX_MEMORY_MB,
        processes: e.GRACE_SANDBOX_PROCESSES,
        file_size_mb: e.GRACE_SANDBOX_FILE_SIZE_MB,
        output_kb: e.GRACE_SANDBOX_OUTPUT_KB,
        workspace_mb: e.GRACE_SANDBOX_WORKSPACE_MB,
      },
      /** The most a run may ask for (never below the default). */
      maxLimits: {
        cpu_seconds: Math.max(e.GRACE_SANDBOX_CPU_SECONDS, e.GRACE_SANDBOX_MAX_CPU_SECONDS),
        wall_seconds: Math.max(e.GRACE_SANDBOX_WALL_SECONDS, e.GRACE_SANDBOX_MAX_WALL_SECONDS),
        memory_mb: Math.max(e.GRACE_SANDBOX_MEMORY_MB, e.GRACE_SANDBOX_MAX_MEMORY_MB),
        processes: Math.max(e.GRACE_SANDBOX_PROCESSES, e.GRACE_SANDBOX_MAX_PROCESSES),
        file_size_mb: Math.max(e.GRACE_SANDBOX_FILE_SIZE_MB, e.GRACE_SANDBOX_MAX_FILE_SIZE_MB),
        output_kb: Math.max(e.GRACE_SANDBOX_OUTPUT_KB, e.GRACE_SANDBOX_MAX_OUTPUT_KB),
        workspace_mb: Math.max(e.GRACE_SANDBOX_WORKSPACE_MB, e.GRACE_SANDBOX_MAX_WORKSPACE_MB),
      },
      /** With collectFiles, the contents of written files are returned up to this size each … */
      collectFileBytes: e.GRACE_SANDBOX_COLLECT_FILE_BYTES,
      /** … and this much in all (larger files are listed without their content). */
      collectTotalBytes: e.GRACE_SANDBOX_COLLECT_TOTAL_BYTES,
    },
    /** `npm start` skips `next build` even when the sources changed since the last one. */
    skipBuild: e.GRACE_SKIP_BUILD,
    /** Prisma's schema engine (scripts/db/engine.ts, writing migrations) prints its log to stderr. */
    debugEngine: e.GRACE_DEBUG_ENGINE,
    /** The audit log's signing key (lib/audit/signing-key.ts). */
    auditLog: {
      /** Ed25519 private key, PKCS#8 as PEM or base64 DER; unset: the key file below. */
      signingKey: e.GRACE_SIGNING_KEY,
      /** Where the key is kept when GRACE_SIGNING_KEY is unset (created on first use, mode 0600); back it up with the database. */
      signingKeyFile: path.resolve(/* turbopackIgnore: true */ e.GRACE_SIGNING_KEY_FILE ?? path.join(e.GRACE_DATA_DIR!, "log-signing-key.pem")),
      /** How often the worker publishes a signed tree head when the log grew, in ms. */
      treeHeadIntervalMs: e.GRACE_TREE_HEAD_INTERVAL_MS,
      /** Other Graces that countersign this log's heads: base URLs, comma-separated; a URL's user part (https://TOKEN@host) is the bearer token sent to it. */
      witnessUrls: e.GRACE_LOG_WITNESS_URLS,
      /** Bearer token for witnesses whose URL carries none. */
      witnessToken: e.GRACE_LOG_WITNESS_TOKEN,
    },
  };
}

export type Config = ReturnType<typeof build>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses settings from `env`; throws ConfigError naming every bad variable. */
export function parseConfig(env: Env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return build(result.data);
}

let current: Config | undefined;

/** Parses process.env now (at start: a bad value stops the process with a clear message). */
export function loadConfig(): Config {
  return (current = parseConfig(process.env));
}

/** Forget the parsed settings; the next read parses process.env again (tests). */
export function reloadConfig(): void {
  current = undefined;
}

/** The settings, parsed from process.env on first use. */
export const config: Config = new Proxy({} as Config, {
  get: (_, key) => (current ??= parseConfig(process.env))[key as keyof Config],
  has: (_, key) => key in (current ??= parseConfig(process.env)),
  ownKeys: () => Reflect.ownKeys((current ??= parseConfig(process.env))),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor((current ??= parseConfig(process.env)), key),
});
