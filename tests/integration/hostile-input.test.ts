// Issue 8, D.14: bad input → 4xx naming the field, never 500. Every write handler under
// app/api (found by walking the directory, so a new one cannot be forgotten) gets hostile
// bodies: wrong types for every field, bodies over the size limit, JSON nested 5,000 and
// 100,000 deep, NUL bytes, invalid UTF-8, C0 controls, blank and over-long text, non-JSON and
// non-object bodies, hostile ids. Each must answer 4xx JSON {error: {code, message}} (a 422
// naming body.*, query.* or params.*) and change no row. The caller is an admin in normal
// mode, so neither authorization nor read-only mode is what stops a request.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const savedEnv = vi.hoisted(() => {
  const names = ["GRACE_MAX_BODY_BYTES", "GRACE_MAX_IMPORT_BYTES", "GRACE_OPEN_REGISTRATION", "GRACE_ALLOW_PRIVATE_URLS", "GRACE_URL_INGEST_WAIT_MS"];
  const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  process.env.GRACE_MAX_BODY_BYTES = "4096";
  process.env.GRACE_MAX_IMPORT_BYTES = "4096";
  // Open, so a sign-up is refused for its body and not because registration is closed.
  process.env.GRACE_OPEN_REGISTRATION = "true";
  // URL cases use http://127.0.0.1:9/… (score 50: held for approval), never the network.
  process.env.GRACE_ALLOW_PRIVATE_URLS = "1";
  process.env.GRACE_URL_INGEST_WAIT_MS = "200";
  return saved;
});

import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { treeHeadMessage } from "../../lib/audit/tree-head-message";
import { writeTransaction } from "../../lib/db/transaction";
import { enqueue } from "../../lib/jobs/enqueue";
import { ingestContent, ingestTextSchema } from "../../lib/knowledge/ingest-text";
import { createSource } from "../../lib/trust/sources";
import { createToken } from "../../lib/tokens/create-token";
import { writeSandboxFile } from "../../lib/sandbox/files/write-file";
import { openIssueForRun } from "../../lib/code/open-issue";
import { applyIssueFix } from "../../lib/code/issues/apply-fix";
import { forgetSystemMode } from "../../lib/system/get-mode";
import { probeWrites, writeStatus } from "../../lib/db/write-availability";
import { createUser, db, tokenFor } from "../helpers/api";
import {
  INVALID_UTF8,
  concatBytes,
  deepArrayJson,
  deepObjectJson,
  fingerprint,
  fingerprintDiff,
  send,
  spliceBytes,
  spliceJson,
  type Fingerprint,
  type HostileRequest,
  type HostileResponse,
  type RouteHandler,
} from "../helpers/hostile";

const SMALL_LIMIT = 4096;
/** Raised to this for cases whose body must get past the size check to test what it holds. */
const BIG_LIMIT = 16 * 1024 * 1024;
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
// next-auth's own endpoints are not built with lib/api/route (see routes-use-wrapper.test.ts).
const EXEMPT = new Set([path.join("app", "api", "auth", "[...nextauth]", "route.ts")]);
const PASSWORD = "correct horse battery";
const BLANK = "   \n\t ";
const NUL = "\u0000";
const CONTROLS = "\u0007\u001b[2J";

afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

// ─── what each write route takes ────────────────────────────────────────────

type StringField = { type: "string"; sample: string; max?: number; blank?: boolean; nullable?: boolean; oneOf?: boolean; url?: boolean; date?: boolean };
type NumberField = { type: "int" | "number"; sample: number; min?: number; max?: number; nullable?: boolean };
type Field =
  | StringField
  | NumberField
  | { type: "boolean"; sample: boolean }
  | { type: "array"; sample: string[]; maxItems: number; itemMax: number }
  | { type: "object"; sample: Record<string, unknown>; deepKey: string; extra?: [string, Record<string, unknown>][] };

type FixtureKind = "conversation" | "job" | "failedJob" | "goal" | "approval" | "artifact" | "task" | "token" | "source" | "user" | "run" | "codeIssue" | "appliedCodeIssue" | "policy" | "alert" | "rule";

type RouteSpec = {
  /** The caller's own row whose id goes in [id]. */
  id?: FixtureKind;
  /** A body that passes validation; absent: the route reads no body (hostile bodies are ignored, not refused). */
  base?: () => Record<string, unknown>;
  fields?: Record<string, Field>;
  /** Query parameters the route reads when the body leaves them out (the earlier API's style). */
  query?: Record<string, StringField>;
  multipart?: true;
  /** Fingerprint keys a refused request may still change (a failed sign-in is recorded by design). */
  mayChange?: (status: number) => string[];
  /** false: no valid request exists (the catch-all answers 404 to anything). */
  control?: false;
  /** The body may be left out altogether (an empty body is a valid request). */
  optionalBody?: true;
};

/** A valid witness submission: a one-entry log's head, signed by a key made for it. */
function witnessRequest() {
  const keys = generateKeyPairSync("ed25519");
  const raw = keys.publicKey.export({ type: "spki", format: "der" }).subarray(-32);
  const fields = { treeSize: 1, rootHash: randomBytes(32).toString("hex"), timestamp: new Date(), keyId: createHash("sha256").update(raw).digest("hex").slice(0, 16) };
  const message = treeHeadMessage(fields);
  return {
    head: { tree_size: 1, root_hash: fields.rootHash, timestamp: fields.timestamp.toISOString(), key_id: fields.keyId, signature: sign(null, message, keys.privateKey).toString("base64"), signed_message: message.toString("base64") },
    public_key_pem: keys.publicKey.export({ type: "spki", format: "pem" }).toString(),
    first: 0,
    proof: [],
  };
}

const str = (sample: string, o: Omit<StringField, "type" | "sample"> = {}): StringField => ({ type: "string", sample, ...o });
const oneOf = (sample: string): StringField => ({ type: "string", sample, oneOf: true });
const int = (sample: number, min?: number, max?: number, o: { nullable?: boolean } = {}): NumberField => ({ type: "int", sample, min, max, ...o });

let serial = 0;
const next = () => `${Date.now().toString(36)}${++serial}`;
let requests = 0;
/** A client address per request, so sign-in lockouts (per address) do not decide the answers. */
const nextIp = () => `10.8.${Math.floor(++requests / 250) % 250}.${requests % 250}`;

// ─── the cases ───────────────────────────────────────────────────────────────

type Case = {
  name: string;
  body?: string | Uint8Array;
  contentType?: string | null;
  contentLength?: HostileRequest["contentLength"];
  /** The [id] to send instead of the fixture's. */
  id?: string;
  query?: Record<string, string>;
  /** The body must get past the size limit (deep or long content): the limit is raised for it. */
  big?: boolean;
  /** A 422 must name this field (or one inside it). */
  field?: string;
  /** Stricter than "any 4xx". */
  statuses?: number[];
};

const WRONG_FOR_STRING: [string, unknown][] = [
  ["a number", 42],
  ["a boolean", true],
  ["an object", { a: 1 }],
  ["an array", ["x"]],
];
const WRONG_FOR_NUMBER: [string, unknown][] = [
  ["a numeric string", "1"],
  ["a boolean", true],
  ["an object", { a: 1 }],
  ["an array", [1]],
];

function fieldCases(name: string, f: Field, base: () => Record<string, unknown>): Case[] {
  const at = `body.${name}`;
  const json = (label: string, value: unknown, o: Partial<Case> = {}): Case => ({ name: `${at}: ${label}`, body: JSON.stringify({ ...base(), [name]: value }), field: at, ...o });
  const raw = (label: string, rawValue: string, o: Partial<Case> = {}): Case => ({ name: `${at}: ${label}`, body: spliceJson(base(), name, rawValue), field: at, ...o });
  const cases: Case[] = [];
  if (f.type === "string") {
    for (const [label, v] of WRONG_FOR_STRING) cases.push(json(label, v));
    if (!f.nullable) cases.push(json("null", null));
    if (f.url) {
      // In the host, where a URL parser cannot percent-encode them away.
      cases.push(json("NUL byte", `http://bad${NUL}host.example/`));
      cases.push(json("C0 controls", `http://bad${CONTROLS}host.example/`));
    } else {
      cases.push(json("NUL byte", `${f.sample}${NUL}${f.sample}`));
      cases.push(json("C0 controls (BEL, ESC)", `${f.sample}${CONTROLS}${f.sample}`));
    }
    cases.push({ name: `${at}: invalid UTF-8 bytes`, body: spliceBytes(base(), name, f.sample, INVALID_UTF8, f.sample), field: "body" });
    cases.push(json("lone surrogate (\\ud800)", `${f.sample}\ud800`));
    if (f.blank) cases.push(json("whitespace only", BLANK));
    if (f.oneOf) cases.push(json("not one of the choices", "not-a-valid-choice"));
    if (f.date) cases.push(json("an impossible date", "2030-02-30"));
    if (f.max !== undefined) {
      const long = f.url ? `http://127.0.0.1:9/${"a".repeat(f.max)}` : "x".repeat(f.max + 1);
      cases.push(json(`${f.max + 1}+ characters (over the max)`, long, { big: true }));
    } else if (f.oneOf || f.date) {
      cases.push(json("5,000 characters", "x".repeat(5000), { big: true }));
    }
  } else if (f.type === "int" || f.type === "number") {
    for (const [label, v] of WRONG_FOR_NUMBER) cases.push(json(label, v));
    if (!f.nullable) cases.push(json("null", null));
    if (f.min !== undefined) cases.push(json(`below the min (${f.min - 1})`, f.min - 1));
    if (f.max !== undefined) cases.push(json(`above the max (${f.max + 1})`, f.max + 1));
    if (f.type === "int") cases.push(json("a fraction", 1.5));
    cases.push(json("2147483648 (past a 32-bit integer)", 2147483648));
    cases.push(raw("1e400 (past a double)", "1e400"));
  } else if (f.type === "boolean") {
    cases.push(json("a string", "true"), json("a number", 1), json("an object", { a: 1 }), json("an array", [true]), json("null", null));
  } else if (f.type === "array") {
    cases.push(json("an object for an array", { a: "x" }), json("a string", "x"), json("a number", 1), json("null", null));
    cases.push(json("a number item", [1]), json("an object item", [{ a: 1 }]), json("a null item", [null]), json("an item with a NUL byte", [`x${NUL}y`]));
    cases.push(json(`${f.maxItems + 1} items (over the max)`, Array.from({ length: f.maxItems + 1 }, (_, i) => `t${i}`)));
    cases.push(json(`an item of ${f.itemMax + 1} characters`, ["x".repeat(f.itemMax + 1)]));
    // Nesting may be refused before parsing, for the body as a whole: "body" is named then.
    cases.push(raw("an item nested 5,000 deep", `[${deepArrayJson(5000)}]`, { big: true, field: "body" }));
    cases.push(raw("an item nested 100,000 deep", `[${deepArrayJson(100_000)}]`, { big: true, field: "body" }));
  } else if (f.type === "object") {
    cases.push(json("an array for an object", [1, 2]), json("a string", "x"), json("a number", 1), json("a boolean", true), json("null", null));
    cases.push(json("a NUL byte in a value", { note: `a${NUL}b` }), json("a NUL byte in a key", { [`a${NUL}b`]: 1 }));
    cases.push(raw("nested 5,000 deep", deepObjectJson(f.deepKey, 5000), { big: true, field: "body" }));
    cases.push(raw("nested 100,000 deep", deepObjectJson(f.deepKey, 100_000), { big: true, field: "body" }));
    for (const [label, v] of f.extra ?? []) cases.push(json(label, v));
  }
  return cases;
}

function queryCases(name: string, f: StringField): Case[] {
  const at = `query.${name}`;
  const q = (label: string, value: string): Case => ({ name: `${at}: ${label}`, body: "", query: { [name]: value }, field: at });
  const cases = [q("NUL byte", `${f.sample}${NUL}${f.sample}`), q("C0 controls (BEL, ESC)", `${f.sample}${CONTROLS}${f.sample}`)];
  if (f.oneOf) cases.push(q("not one of the choices", "not-a-valid-choice"));
  if (f.max !== undefined) cases.push(q(`${f.max + 1} characters (over the max)`, "x".repeat(f.max + 1)));
  return cases;
}

/** Whole bodies that are not what any JSON route takes. */
function bodyCases(spec: RouteSpec): Case[] {
  const firstField = Object.keys(spec.fields ?? {})[0] ?? "x";
  const padding = JSON.stringify({ ...spec.base!(), padding: "x".repeat(SMALL_LIMIT) });
  return [
    ...(spec.optionalBody ? [] : [{ name: "empty body", body: "" }]),
    { name: "not JSON", body: "{nope" },
    { name: "form-encoded, not JSON", body: "a=1&b=2", contentType: "application/x-www-form-urlencoded" },
    { name: "invalid UTF-8 bytes as the body", body: INVALID_UTF8 },
    { name: "a JSON array as the body", body: "[1,2,3]" },
    { name: "a JSON number as the body", body: "42" },
    { name: "a JSON string as the body", body: '"hello"' },
    { name: "JSON true as the body", body: "true" },
    { name: "JSON null as the body", body: "null" },
    { name: "over the size limit (Content-Length)", body: padding, statuses: [413] },
    { name: "over the size limit (streamed, no Content-Length)", body: padding, contentLength: "omit", statuses: [413] },
    { name: "arrays nested 5,000 deep as the body", body: deepArrayJson(5000), big: true },
    { name: "arrays nested 100,000 deep as the body", body: deepArrayJson(100_000), big: true },
    { name: `objects nested 5,000 deep as the body (key ${firstField})`, body: deepObjectJson(firstField, 5000), big: true },
    { name: `objects nested 100,000 deep as the body (key ${firstField})`, body: deepObjectJson(firstField, 100_000), big: true },
  ];
}

const HOSTILE_IDS = ["0", "-1", "abc", "1.5", "2147483648", "9007199254740993", "1e400", `1${NUL}`, "9".repeat(400)];

function idCases(spec: RouteSpec): Case[] {
  const body = spec.base ? JSON.stringify(spec.base()) : undefined;
  return [
    { name: "an id that does not exist", id: "999999", body, statuses: [404] },
    ...HOSTILE_IDS.map((id): Case => ({ name: `id ${JSON.stringify(id)}`, id, body, statuses: [404, 422], field: "params.id" })),
  ];
}

// multipart/form-data for /api/ingest/file.
async function multipart(file: { name: string; content: string | Uint8Array } | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.set("file", new File([typeof file.content === "string" ? file.content : new Uint8Array(file.content)], file.name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = new Response(form);
  return { body: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get("content-type")! };
}

async function fileCases(): Promise<Case[]> {
  const ok = () => ({ name: `notes-${next()}.txt`, content: `Harmless uploaded text ${next()}.` });
  const form = async (name: string, file: Parameters<typeof multipart>[0], fields: Record<string, string> = {}, o: Partial<Case> = {}): Promise<Case> => ({
    name,
    ...(await multipart(file, fields)),
    field: "body.file",
    ...o,
  });
  const good = await multipart(ok());
  return [
    await form("file name over 255 characters", { name: `${"a".repeat(252)}.txt`, content: "A file whose name is far too long." }),
    await form("file name with a NUL byte", { name: `bad${NUL}name.txt`, content: `NUL in the name ${next()}.` }),
    await form("file name with C0 controls", { name: `bad${CONTROLS}name.txt`, content: `Controls in the name ${next()}.` }),
    await form("invalid UTF-8 as .txt", { name: "latin1.txt", content: concatBytes("caf", INVALID_UTF8, " au lait") }),
    await form("NUL bytes in a .txt", { name: "nul.txt", content: `text${NUL}${NUL}more text ${next()}` }),
    await form("empty file", { name: "empty.txt", content: "" }),
    await form("whitespace-only file", { name: "blank.txt", content: BLANK }),
    await form(".json file nested 5,000 deep", { name: "deep.json", content: deepArrayJson(5000) }),
    await form(".json file nested 100,000 deep", { name: "deeper.json", content: deepArrayJson(100_000) }),
    await form("no file field", null, { title: "no file" }),
    await form("title over 256 characters", ok(), { title: "t".repeat(257) }, { field: "body.title" }),
    await form("title with a NUL byte", ok(), { title: `bad${NUL}title` }, { field: "body.title" }),
    await form("title with C0 controls", ok(), { title: `bad${CONTROLS}title` }, { field: "body.title" }),
    await form("domain not a short name", ok(), { domain: "Not A Domain!" }, { field: "body.domain" }),
    await form("visibility not one of the choices", ok(), { visibility: "everyone" }, { field: "body.visibility" }),
    { name: "JSON, not multipart", body: JSON.stringify({ file: "x" }), field: "body" },
    { name: "not multipart, garbage", body: "--nope\r\nhello", contentType: "multipart/form-data; boundary=nope", field: "body" },
    { name: "empty body", body: "", contentType: good.contentType, field: "body" },
    { name: "no Content-Length (streamed)", body: good.body, contentType: good.contentType, contentLength: "omit", statuses: [411] },
    { name: "declared Content-Length over the upload limit", body: good.body, contentType: good.contentType, contentLength: 11 * 1024 * 1024, statuses: [413] },
  ];
}

// ─── the run ─────────────────────────────────────────────────────────────────

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

type WriteRoute = { method: (typeof WRITE_METHODS)[number]; dir: string; key: string; handler: RouteHandler };

async function writeRoutes(): Promise<WriteRoute[]> {
  const routes: WriteRoute[] = [];
  for (const file of routeFiles(path.join("app", "api")).sort()) {
    if (EXEMPT.has(file)) continue;
    const mod = (await import(path.resolve(file))) as Record<string, unknown>;
    const dir = path.relative(path.join("app", "api"), path.dirname(file)).split(path.sep).join("/");
    for (const method of WRITE_METHODS) {
      if (typeof mod[method] === "function") routes.push({ method, dir, key: `${method} ${dir}`, handler: mod[method] as RouteHandler });
    }
  }
  return routes;
}

describe("hostile input to every write route", async () => {
  const admin = await createUser({ role: "admin", password: PASSWORD });
  const bearer = await tokenFor(admin);
  const initialLoops = await db.loopConfig.findMany();

  const create: Record<FixtureKind, () => Promise<number>> = {
    conversation: async () => (await db.conversation.create({ data: { userId: admin.id, title: "Fixture conversation" } })).id,
    job: async () => (await writeTransaction((tx) => enqueue({ tx, kind: "steps", description: "fixture job", createdById: admin.id, runAt: new Date(Date.now() + 86_400_000) }))).id,
    // Retryable, so a retry that got through would succeed (and show) rather than answer 409.
    failedJob: async () => (await db.job.create({ data: { kind: "steps", description: "fixture failed job", status: "failed", attempts: 3, createdById: admin.id, error: "fixture" } })).id,
    goal: async () => (await db.goal.create({ data: { userId: admin.id, goalText: "Fixture goal" } })).id,
    approval: async () =>
      (await db.approvalRequest.create({ data: { actionType: "url_ingest", resource: `http://127.0.0.1:9/fixture-${next()}`, payload: { trust_score: 50 }, requestedById: admin.id, reason: "fixture" } })).id,
    artifact: async () => {
      const input = ingestTextSchema.parse({ title: "Fixture artifact", content: `The fixture artifact's content, number ${next()}.` });
      return (await ingestContent({ user: admin, input, source: "manual", trustScore: 75 })).artifact.id;
    },
    task: async () => (await db.task.create({ data: { userId: admin.id, title: "Fixture task" } })).id,
    token: async () => (await writeTransaction((tx) => createToken({ tx, user: admin, name: "fixture token" }))).record.id,
    source: async () =>
      (await writeTransaction((tx) => createSource({ tx, actor: admin, input: { domain: `fixture-${next()}.example.org`, trust_score: 60, category: "general", description: "" } }))).id,
    user: async () => (await createUser()).id,
    // A queued run (no worker runs in this test): Stop ends it before it starts.
    run: async () => (await db.sandboxRun.create({ data: { userId: admin.id, language: "python", command: "python main.py", fileName: "main.py", source: "print(1)" } })).id,
    codeIssue: async () => (await codeIssueFixture()).id,
    // Disabled and allowing: whatever a request that got through changed, it decides nothing.
    alert: async () => (await db.securityEvent.create({ data: { actor: admin.username, userId: admin.id, action: "chat.fixture", resource: "fixture", severity: "medium", target: "chat" } })).id,
    rule: async () => (await db.securityRule.create({ data: { name: `fixture.rule_${next()}`, target: "chat", pattern: "fixture-pattern", severity: "low", action: "log", enabled: false } })).id,
    policy: async () => (await db.governancePolicy.create({ data: { name: `fixture policy ${next()}`, actionType: "hunter.rule.update", decision: "allow", enabled: false } })).id,
    appliedCodeIssue: async () => {
      const issue = await codeIssueFixture();
      await writeTransaction((tx) => applyIssueFix({ tx, user: { ...admin, role: "admin" }, issueId: issue.id }));
      return issue.id;
    },
  };
  // A saved file, a run of it that failed (as the worker records one) and the issue it opened, with a fix.
  async function codeIssueFixture() {
    const fileName = `hostile/issue-${next()}.py`;
    const source = "print(math.pi)\n";
    const file = (await writeTransaction((tx) => writeSandboxFile({ tx, user: admin, filePath: fileName, content: source }))).file;
    const stderr = `Traceback (most recent call last):\n  File "/workspace/${fileName}", line 1, in <module>\n    print(math.pi)\n          ^^^^\nNameError: name 'math' is not defined\n`;
    const run = await db.sandboxRun.create({ data: { userId: admin.id, language: "python", command: `python3 ${fileName}`, fileName, source, status: "runtime_error", stderr, exitCode: 1 } });
    const issue = await writeTransaction((tx) => openIssueForRun({ tx, run, file }));
    if (!issue?.patch) throw new Error("the code issue fixture has no fix");
    return issue;
  }
  const fixtures = {} as Record<FixtureKind, number>;
  for (const kind of Object.keys(create) as FixtureKind[]) fixtures[kind] = await create[kind]();
  // A supervised worker, so a restart request that got through would be accepted (202), not 409.
  await db.supervisedProcess.create({ data: { id: "hostile-test:worker", supervisor: "hostile-test", hostname: "hostile-test", name: "worker", status: "running" } });

  const SPECS: Record<string, RouteSpec> = {
    // Any /api path without a route: 404 whatever is sent.
    "POST [...path]": { control: false },
    "PUT [...path]": { control: false },
    "PATCH [...path]": { control: false },
    "DELETE [...path]": { control: false },
    // The earlier API's removed stubs: 410 whatever is sent.
    "POST plugins/[[...path]]": { control: false },
    "PUT plugins/[[...path]]": { control: false },
    "PATCH plugins/[[...path]]": { control: false },
    "DELETE plugins/[[...path]]": { control: false },
    "POST ml/[[...path]]": { control: false },
    "PUT ml/[[...path]]": { control: false },
    "PATCH ml/[[...path]]": { control: false },
    "DELETE ml/[[...path]]": { control: false },
    "POST auth/login": {
      base: () => ({ username: admin.username, password: PASSWORD }),
      fields: { username: str(admin.username, { max: 64, blank: true }), password: str(PASSWORD, { max: 256, blank: true }) },
      // Hunter's brute-force rules may raise an alert (with its task) on a failure.
      mayChange: (status) => (status === 401 || status === 429 ? ["signInAttempts", "logEntries", "securityEvents", "tasks"] : []),
    },
    "POST auth/register": {
      base: () => ({ username: `reg_${next()}`, password: PASSWORD }),
      fields: { username: str("newcomer", { max: 64, blank: true }), password: str(PASSWORD, { max: 256 }) },
    },
    "POST chat": {
      base: () => ({ message: "hello there" }),
      fields: { message: str("hello there", { max: 8000, blank: true }), conversation_id: int(1, 1) },
      mayChange: (status) => (status === 403 ? ["securityEvents", "logEntries"] : []),
    },
    "POST chat/stream": {
      base: () => ({ message: "hello there" }),
      fields: { message: str("hello there", { max: 8000, blank: true }), conversation_id: int(1, 1) },
      mayChange: (status) => (status === 403 ? ["securityEvents", "logEntries"] : []),
    },
    "PATCH chat/conversations/[id]": { id: "conversation", base: () => ({ title: "Renamed" }), fields: { title: str("Renamed", { max: 200, blank: true }) } },
    "DELETE chat/conversations/[id]": { id: "conversation" },
    "POST executor/submit": {
      base: () => ({ task_type: "steps", steps: 1, step_ms: 0 }),
      fields: { task_type: oneOf("steps"), description: str("work", { max: 1000 }), steps: int(1, 1, 1000), step_ms: int(0, 0, 60_000), priority: int(0, -100, 100) },
    },
    "POST executor/tasks/[id]/cancel": { id: "job" },
    "POST executor/tasks/[id]/retry": { id: "failedJob" },
    "POST goals": { base: () => ({ goal_text: "Learn the tides" }), fields: { goal_text: str("Learn the tides", { max: 2000, blank: true }), target_date: str("2030-01-01", { nullable: true, date: true }) } },
    "PATCH goals/[id]": {
      id: "goal",
      base: () => ({ goal_text: "Renamed goal" }),
      fields: { goal_text: str("Renamed goal", { max: 2000, blank: true }), target_date: str("2030-01-01", { nullable: true, date: true }), status: oneOf("active") },
    },
    "POST governance/approvals/[id]/decision": {
      id: "approval",
      base: () => ({ decision: "reject", reason: "not today" }),
      fields: { decision: oneOf("reject"), reason: str("not today", { max: 1000 }) },
      query: { decision: oneOf("reject"), reason: str("not today", { max: 1000 }) },
    },
    "POST governance/policies": {
      base: () => ({ name: `hostile policy ${next()}`, action_type: "hunter.rule.update", decision: "allow", enabled: false }),
      fields: {
        name: str("a policy", { max: 128, blank: true }),
        description: str("why", { max: 1000 }),
        priority: int(100, 0, 1_000_000),
        severity: oneOf("low"),
        action_type: oneOf("hunter.rule.update"),
        condition: { type: "object", sample: { resource: "security_rule:*" }, deepKey: "trust_score", extra: [["an unknown part ({colour: 1})", { colour: 1 }], ["a score out of range", { trust_score: { min: 500 } }]] },
        decision: oneOf("allow"),
        enabled: { type: "boolean", sample: false },
      },
    },
    "PATCH governance/policies/[id]": {
      id: "policy",
      base: () => ({ description: "changed" }),
      fields: {
        name: str("a renamed policy", { max: 128, blank: true }),
        description: str("changed", { max: 1000 }),
        priority: int(100, 0, 1_000_000),
        severity: oneOf("low"),
        condition: { type: "object", sample: { roles: ["user"] }, deepKey: "time_window", extra: [["hours that do not parse", { time_window: { hours: { from: "nine" } } }]] },
        decision: oneOf("allow"),
        enabled: { type: "boolean", sample: false },
      },
    },
    "DELETE governance/policies/[id]": { id: "policy" },
    // A witness: the control is the first head of a log with a fresh key (accepted as it is).
    "POST log/witness": {
      base: () => witnessRequest(),
      fields: {
        head: { type: "object", sample: witnessRequest().head, deepKey: "tree_size" },
        public_key_pem: str("-----BEGIN PUBLIC KEY-----", { max: 1000 }),
        first: int(0, 0),
        proof: { type: "array", sample: [], maxItems: 64, itemMax: 64 },
      },
    },
    "POST health/mode": {
      base: () => ({ mode: "normal", reason: "all fine" }),
      fields: { mode: oneOf("normal"), reason: str("all fine", { max: 500 }) },
      query: { mode: oneOf("normal"), reason: str("all fine", { max: 500 }) },
    },
    "POST health/restart": { base: () => ({ component: "worker" }), fields: { component: oneOf("worker") }, query: { component: oneOf("worker") } },
    "POST ingest/file": { multipart: true },
    "POST hunter/alerts/[id]/resolve": {
      id: "alert",
      // The earlier API sent everything in the query string: no body is a valid request.
      optionalBody: true,
      base: () => ({ note: "a false alarm", status: "dismissed" }),
      fields: { note: str("a false alarm", { max: 2000 }), status: oneOf("dismissed") },
      query: { note: str("a false alarm", { max: 2000 }), status: oneOf("dismissed") },
    },
    "POST hunter/rules": {
      base: () => ({ name: `hostile.rule_${next()}`, target: "chat", pattern: "hostile-sample", kind: "regex" }),
      fields: {
        name: str("hostile.rule", { max: 64, blank: true }),
        description: str("a rule", { max: 500 }),
        target: oneOf("chat"),
        kind: oneOf("regex"),
        pattern: str("hostile-sample", { max: 10_000 }),
        threshold: int(5, 1, 1_000_000, { nullable: true }),
        window_seconds: int(60, 1, 2_592_000, { nullable: true }),
        severity: oneOf("low"),
        action: oneOf("log"),
        enabled: { type: "boolean", sample: false },
      },
    },
    "PATCH hunter/rules/[id]": {
      id: "rule",
      base: () => ({ description: "changed" }),
      fields: {
        name: str("hostile.renamed", { max: 64, blank: true }),
        description: str("changed", { max: 500 }),
        target: oneOf("chat"),
        kind: oneOf("regex"),
        pattern: str("hostile-sample", { max: 10_000 }),
        severity: oneOf("low"),
        action: oneOf("log"),
        enabled: { type: "boolean", sample: false },
      },
      query: { enabled: oneOf("false") },
    },
    "POST hunter/rules/[id]/test": { id: "rule", base: () => ({ text: "a hostile-sample text" }), fields: { text: str("a hostile-sample text", { max: 100_000 }) } },
    "POST memory/items": {
      base: () => ({ path: `hostile/item-${next()}.md`, content: `Item content number ${next()}.` }),
      fields: {
        path: str("hostile/item.md", { max: 512, blank: true }),
        content: str("Item content.", { max: 5_000_000, blank: true }),
        domain: str("general", { max: 64, blank: true }),
        category: str("knowledge", { max: 64, blank: true }),
        metadata: { type: "object", sample: { origin: "test" }, deepKey: "a" },
        reason: str("why", { max: 500 }),
      },
    },
    "PATCH memory/items/[id]": { id: "artifact", base: () => ({ content: `Edited content number ${next()}.` }), fields: { content: str("Edited.", { max: 5_000_000, blank: true }), reason: str("why", { max: 500 }) } },
    "POST memory/export": { optionalBody: true, base: () => ({ domains: ["general"] }), fields: { domains: { type: "array", sample: ["general"], maxItems: 100, itemMax: 64 } } },
    "POST memory/import": { base: () => ({ format: "grace.knowledge.v1", artifacts: [] }), fields: { format: oneOf("grace.knowledge.v1"), exported_by: str("someone", { max: 64 }) } },
    "POST ingest/text": {
      base: () => ({ title: "Hostile input", content: `Harmless content number ${next()}.` }),
      fields: {
        title: str("Hostile input", { max: 256, blank: true }),
        content: str("Harmless content.", { max: 5_000_000, blank: true }),
        domain: str("general", { max: 64, blank: true }),
        artifact_type: oneOf("text"),
        tags: { type: "array", sample: ["a"], maxItems: 50, itemMax: 64 },
        metadata: { type: "object", sample: { origin: "test" }, deepKey: "a" },
        visibility: oneOf("shared"),
      },
    },
    "POST ingest/url": {
      base: () => ({ url: `http://127.0.0.1:9/hostile-${next()}` }),
      fields: { url: str("http://127.0.0.1:9/page", { max: 2048, blank: true, url: true }), domain: str("web", { max: 64, blank: true }), visibility: oneOf("shared") },
    },
    "PATCH knowledge/artifacts/[id]": {
      id: "artifact",
      base: () => ({ title: "Renamed artifact" }),
      fields: { title: str("Renamed artifact", { max: 256, blank: true }), content: str("New content.", { max: 5_000_000, blank: true }), reason: str("edited", { max: 500 }) },
    },
    "DELETE knowledge/artifacts/[id]": { id: "artifact" },
    "POST knowledge/ingest": {
      base: () => ({ content: `Legacy content number ${next()}.` }),
      fields: { content: str("Legacy content.", { max: 5_000_000, blank: true }), source: str("manual", { max: 256 }), category: str("general", { max: 64, blank: true }) },
    },
    "POST knowledge/search": { base: () => ({ query: "tides" }), fields: { query: str("tides", { max: 1000, blank: true }), limit: int(5, 1, 50) } },
    "PATCH meta/config": {
      base: () => ({ name: "reflection" }),
      fields: {
        name: oneOf("reflection"),
        interval_seconds: int(60, 1, 86_400),
        enabled: { type: "boolean", sample: true },
        settings: {
          type: "object",
          sample: { batch_size: 100 },
          deepKey: "batch_size",
          extra: [
            ['a setting of the wrong type ({batch_size: "many"})', { batch_size: "many" }],
            ["a setting out of range ({batch_size: -5})", { batch_size: -5 }],
            ["a null setting ({batch_size: null})", { batch_size: null }],
            ["a setting nested in an object ({batch_size: {n: 1}})", { batch_size: { n: 1 } }],
          ],
        },
      },
    },
    // The control changes the admin's password: no route after this one signs in with it.
    "POST me/password": {
      base: () => ({ current_password: PASSWORD, new_password: `a new password ${next()}` }),
      fields: { current_password: str(PASSWORD, { max: 256 }), new_password: str("a new password", { max: 256 }) },
    },
    "DELETE me/sessions": {},
    "POST evaluation/evaluate": {},
    "POST meta/trigger": {},
    "POST reflections/trigger": {},
    "POST summaries/generate": {},
    "POST tasks": { base: () => ({ title: "A task" }), fields: { title: str("A task", { max: 256, blank: true }), description: str("details", { max: 10_000 }), priority: oneOf("medium") } },
    "PATCH tasks/[id]": {
      id: "task",
      base: () => ({ title: "Renamed task" }),
      fields: { title: str("Renamed task", { max: 256, blank: true }), description: str("details", { max: 10_000 }), status: oneOf("pending"), priority: oneOf("medium") },
    },
    "DELETE tokens/[id]": { id: "token" },
    "POST tokens": { base: () => ({ name: "hostile token" }), fields: { name: str("hostile token", { max: 100, blank: true }), expires_in_days: int(30, 1, 3650, { nullable: true }) } },
    "POST users": {
      base: () => ({ username: `new_${next()}`, password: PASSWORD, role: "user" }),
      fields: { username: str("newcomer", { max: 64, blank: true }), password: str(PASSWORD, { max: 256 }), role: oneOf("user") },
    },
    "PATCH users/[id]": {
      id: "user",
      base: () => ({ role: "admin" }),
      fields: { role: oneOf("admin"), disabled: { type: "boolean", sample: false }, temporary_password: str("a temporary one", { max: 256 }) },
    },
    "DELETE users/[id]": { id: "user" },
    "POST trust/sources": {
      base: () => ({ domain: `src-${next()}.example.org`, trust_score: 60 }),
      fields: {
        domain: str("docs.example.org", { max: 253, blank: true }),
        trust_score: { type: "number", sample: 60, min: 0, max: 100 },
        category: str("general", { max: 64 }),
        description: str("a source", { max: 500 }),
      },
    },
    "PATCH trust/sources/[id]": {
      id: "source",
      base: () => ({ trust_score: 61 }),
      fields: { trust_score: { type: "number", sample: 61, min: 0, max: 100 }, category: str("general", { max: 64 }), description: str("a source", { max: 500 }) },
    },
    "DELETE trust/sources/[id]": { id: "source" },
    // Settings → Model: the control saves a model at a closed port (never the network) with a key.
    "PUT settings/model": {
      base: () => ({ base_url: "http://127.0.0.1:9/v1", model: "hostile-model", api_key: "sk-hostile-0123456789" }),
      fields: {
        base_url: str("http://127.0.0.1:9/v1", { max: 2048, url: true, nullable: true, blank: true }),
        model: str("hostile-model", { max: 200, blank: true }),
        api_key: str("sk-hostile-0123456789", { max: 1000, nullable: true, blank: true }),
      },
    },
    "DELETE settings/model": {},
    "POST settings/model/test": {},
    "POST goals/research/recheck": {},
    // Sandbox files (issue 12). Rename's and delete's controls need a file of the admin's to act
    // on: written here, before any case runs (reset's control, which empties the workspace,
    // runs after theirs: routes go in path order).
    "POST sandbox/write": {
      base: () => ({ file_path: `hostile/write-${next()}.py`, content: "print('hi')\n" }),
      fields: { file_path: str("hostile/a.py", { max: 255, blank: true }), content: str("print('hi')\n", { max: 1_048_576 }) },
    },
    "POST sandbox/rename": await (async (): Promise<RouteSpec> => {
      await writeTransaction((tx) => writeSandboxFile({ tx, user: admin, filePath: "hostile/rename-me.py", content: "x = 1\n" }));
      return {
        base: () => ({ file_path: "hostile/rename-me.py", new_path: `hostile/renamed-${next()}.py` }),
        fields: { file_path: str("hostile/rename-me.py", { max: 255, blank: true }), new_path: str("hostile/renamed.py", { max: 255, blank: true }) },
      };
    })(),
    "POST sandbox/delete": await (async (): Promise<RouteSpec> => {
      await writeTransaction((tx) => writeSandboxFile({ tx, user: admin, filePath: "hostile/delete-me.py", content: "x = 1\n" }));
      return { base: () => ({ file_path: "hostile/delete-me.py" }), fields: { file_path: str("hostile/delete-me.py", { max: 255, blank: true }) } };
    })(),
    "POST sandbox/reset": {},
    // A run (item 4): streamed, so the control answers 202 at once (no worker runs here).
    "POST sandbox/run": {
      base: () => ({ language: "python", code: "print('hi')", stream: true }),
      fields: {
        file_name: str("main.py", { max: 255, blank: true }),
        language: oneOf("python"),
        code: str("print('hi')", { max: 1_048_576 }),
        stdin: str("", { max: 1_048_576 }),
        command: str("python main.py", { max: 1000 }),
        save_files: { type: "boolean", sample: false },
      },
      mayChange: (status) => (status === 403 ? ["securityEvents", "logEntries"] : []),
    },
    "POST sandbox/runs/[id]/stop": { id: "run" },
    // Code issues (item 5): the earlier API's ?decision= or a JSON body; the controls dismiss a
    // pending issue and undo an applied fix.
    "POST issues/[id]/resolve": { id: "codeIssue", base: () => ({ decision: "dismiss" }), fields: { decision: str("dismiss", { max: 100, oneOf: true }) }, query: { decision: oneOf("dismiss") } },
    "POST issues/[id]/undo": { id: "appliedCodeIssue" },
  };

  async function casesFor(spec: RouteSpec): Promise<Case[]> {
    if (spec.multipart) return fileCases();
    const cases: Case[] = [];
    if (spec.base) {
      for (const [name, f] of Object.entries(spec.fields ?? {})) cases.push(...fieldCases(name, f, spec.base));
      for (const [name, f] of Object.entries(spec.query ?? {})) cases.push(...queryCases(name, f));
      cases.push(...bodyCases(spec));
    } else {
      // No body is read: hostile bodies are ignored, but the size limit still holds.
      cases.push({ name: "over the size limit (Content-Length)", body: JSON.stringify({ padding: "x".repeat(SMALL_LIMIT) }), statuses: [413] });
    }
    if (spec.id) cases.push(...idCases(spec));
    return cases;
  }

  function requestFor(r: WriteRoute, spec: RouteSpec, c: Case): HostileRequest {
    const id = c.id ?? (spec.id ? String(fixtures[spec.id]) : undefined);
    const params: Record<string, string | string[]> = {};
    let urlPath = `/api/${r.dir}`;
    if (r.dir.includes("[...path]")) {
      params.path = ["no-such-route"];
      urlPath = urlPath.replace("[...path]", "no-such-route");
    }
    if (id !== undefined) {
      params.id = id;
      urlPath = urlPath.replace("[id]", encodeURIComponent(id));
    }
    const query = c.query ? `?${new URLSearchParams(c.query)}` : "";
    return { method: r.method, path: `${urlPath}${query}`, params, bearer, body: c.body, contentType: c.contentType, contentLength: c.contentLength, ip: nextIp() };
  }

  function problemsWith(res: HostileResponse, c: Case): string[] {
    const out: string[] = [];
    const code = res.json?.error?.code;
    const message = res.json?.error?.message;
    if (res.status < 400 || res.status > 499) out.push(`status ${res.status}`);
    if (c.statuses && !c.statuses.includes(res.status)) out.push(`status ${res.status}, expected ${c.statuses.join(" or ")}`);
    if (!res.contentType.includes("application/json") || typeof code !== "string" || typeof message !== "string") out.push(`not {error: {code, message}} JSON: ${res.text.slice(0, 200)}`);
    if (res.status === 422) {
      const fields = res.json?.error?.fields ?? [];
      if (!/^(body|query|params)(\.|$)/.test(fields[0]?.field ?? "")) out.push(`422 without a located field: ${JSON.stringify(fields)}`);
      else if (c.field && !fields.some((f) => f.field === c.field || f.field.startsWith(`${c.field}.`))) out.push(`422 names ${fields.map((f) => f.field).join(", ")}, not ${c.field}`);
    }
    return out;
  }

  /** Puts back what a request that got through changed, so the next case starts clean. */
  async function repair(spec: RouteSpec, diff: string[]) {
    if (spec.id) fixtures[spec.id] = await create[spec.id]();
    if (diff.some((d) => d.startsWith("systemState"))) {
      await db.systemState.update({ where: { id: 1 }, data: { mode: "normal", reason: "" } });
      forgetSystemMode();
    }
    if (diff.some((d) => d.startsWith("loopConfigs"))) {
      for (const l of initialLoops) await db.loopConfig.update({ where: { name: l.name }, data: { intervalSeconds: l.intervalSeconds, enabled: l.enabled, settings: l.settings ?? {} } });
    }
  }

  const routes = await writeRoutes();

  it("finds every write route and knows what each one takes, and starts in normal mode", async () => {
    expect((await db.systemState.findUniqueOrThrow({ where: { id: 1 } })).mode).toBe("normal");
    expect(routes.length).toBeGreaterThan(25);
    const missing = routes.filter((r) => !SPECS[r.key]).map((r) => r.key);
    expect(missing, "write routes with no entry in SPECS: say what they take").toEqual([]);
    const gone = Object.keys(SPECS).filter((k) => !routes.some((r) => r.key === k));
    expect(gone, "SPECS entries for routes that no longer exist").toEqual([]);
  });

  it.each(routes.map((r) => [r.key, r] as const))("%s: every hostile input is a 4xx naming the field, and changes nothing", async (_key, r) => {
    const spec = SPECS[r.key];
    if (!spec) return; // reported by the test above
    const failures: string[] = [];
    let before: Fingerprint = await fingerprint();
    for (const c of await casesFor(spec)) {
      if (c.big) process.env.GRACE_MAX_BODY_BYTES = process.env.GRACE_MAX_IMPORT_BYTES = String(BIG_LIMIT);
      let res: HostileResponse;
      try {
        res = await send(r.handler, requestFor(r, spec, c));
      } finally {
        if (c.big) process.env.GRACE_MAX_BODY_BYTES = process.env.GRACE_MAX_IMPORT_BYTES = String(SMALL_LIMIT);
      }
      const problems = problemsWith(res, c);
      const after = await fingerprint();
      const diff = fingerprintDiff(before, after, spec.mayChange?.(res.status));
      if (diff.length) problems.push(`changed ${diff.join(", ")}`);
      const writes = writeStatus();
      if (!writes.ok) {
        problems.push(`left writes unavailable (${writes.fault}: ${writes.detail})`);
        await probeWrites();
      }
      if (problems.length) {
        const error = res.json?.error;
        const said = error ? `${String(error.code)}: ${String(error.message).slice(0, 200)}` : res.text.replace(/\s+/g, " ").slice(0, 200);
        failures.push(`✗ ${c.name} → ${res.status} ${said}\n    ${problems.join("; ")}${res.logged.length ? `\n    logged: ${res.logged.join(" || ").slice(0, 700)}` : ""}`);
      }
      if (diff.length) await repair(spec, diff);
      before = diff.length ? await fingerprint() : after;
    }
    // The control: the valid request is accepted, so the refusals above were for the hostile part.
    if (spec.control !== false) {
      const control = spec.multipart
        ? await multipart({ name: `control-${next()}.txt`, content: `A valid upload ${next()}.` })
        : { body: spec.base ? JSON.stringify(spec.base()) : undefined, contentType: undefined };
      const res = await send(r.handler, requestFor(r, spec, { name: "control", ...control }));
      if (res.status < 200 || res.status > 299) failures.push(`✗ control (a valid request) → ${res.status} ${res.text.slice(0, 200)}: the cases above may have been refused for the wrong reason`);
      if (spec.id) fixtures[spec.id] = await create[spec.id](); // the control may have used it up
    }
    if (failures.length) expect.fail(`${r.key}: ${failures.length} hostile case(s) not refused cleanly\n${failures.join("\n")}`);
  });

  // The cases issue 8 names, one by one (the table above covers them too).
  describe("the cases issue 8 names", () => {
    const route = (key: string) => routes.find((r) => r.key === key)!;
    const expectRefused = async (key: string, c: Case, field: string) => {
      const r = route(key);
      const before = await fingerprint();
      if (c.big) process.env.GRACE_MAX_BODY_BYTES = process.env.GRACE_MAX_IMPORT_BYTES = String(BIG_LIMIT);
      let res: HostileResponse;
      try {
        res = await send(r.handler, requestFor(r, SPECS[key], c));
      } finally {
        process.env.GRACE_MAX_BODY_BYTES = String(SMALL_LIMIT);
      }
      const detail = `${res.status} ${res.text.slice(0, 300)}${res.logged.length ? ` logged: ${res.logged.join(" || ").slice(0, 500)}` : ""}`;
      expect(res.status, detail).toBeGreaterThanOrEqual(400);
      expect(res.status, detail).toBeLessThan(500);
      expect(res.json?.error?.fields?.[0]?.field ?? "(no fields)", detail).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}(\\.|$)`));
      expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
      return res;
    };

    it("whitespace-only content on POST /api/ingest/text is a 422 on body.content", async () => {
      await expectRefused("POST ingest/text", { name: "blank", body: JSON.stringify({ title: "Blank", content: BLANK }) }, "body.content");
    });

    it("whitespace-only content on POST /api/knowledge/ingest is a 422 on body.content", async () => {
      await expectRefused("POST knowledge/ingest", { name: "blank", body: JSON.stringify({ content: BLANK }) }, "body.content");
    });

    it("a file name over 255 characters on POST /api/ingest/file is a 422 on body.file", async () => {
      const { body, contentType } = await multipart({ name: `${"n".repeat(300)}.txt`, content: "Text under a very long name." });
      await expectRefused("POST ingest/file", { name: "long name", body, contentType }, "body.file");
    });

    it("metadata nested 5,000 deep on POST /api/ingest/text is a 422 (on body, or body.metadata)", async () => {
      const body = spliceJson({ title: "Deep", content: `Deep metadata ${next()}.` }, "metadata", deepObjectJson("a", 5000));
      await expectRefused("POST ingest/text", { name: "deep metadata", body, big: true }, "body");
    });

    it('an admin\'s PATCH /api/meta/config with {settings: {batch_size: "many"}} is a 422 on body.settings', async () => {
      await expectRefused("PATCH meta/config", { name: "wrong type", body: JSON.stringify({ name: "reflection", settings: { batch_size: "many" } }) }, "body.settings");
    });

    it("PATCH /api/knowledge/artifacts/:id with whitespace-only content is a 422 and makes no empty version", async () => {
      const id = fixtures.artifact;
      const before = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id } });
      await expectRefused("PATCH knowledge/artifacts/[id]", { name: "blank content", body: JSON.stringify({ content: BLANK }) }, "body.content");
      const after = await db.knowledgeArtifact.findUniqueOrThrow({ where: { id } });
      expect(after.version).toBe(before.version);
      expect(await db.knowledgeArtifactVersion.count({ where: { artifactId: id, content: "" } })).toBe(0);
    });
  });
});
