// `npm start` as an operator runs it: on a database left at an older migration, on
// PostgreSQL, and stopped with SIGTERM — which must stop the web server and the worker too;
// and a child that dies (or is asked to restart) comes back without taking Grace down.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { migrate, migrationsDir, readMigrations } from "../lib/db/migrate";
import { answers, DEFAULT_TEST_DATABASE_URL, startOwnPostgres, withDatabase } from "../tests/setup/postgres-server";

test.describe.configure({ timeout: 180_000 });

function startGrace(port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, GRACE_WORKER_HEARTBEAT_SECONDS: "1", DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return { child, output: () => output };
}

async function waitForHealthy(port: number, grace: { output: () => string }) {
  await expect
    .poll(
      async () => {
        try {
          return (await (await fetch(`http://localhost:${port}/health`)).json()).status;
        } catch {
          return "unreachable";
        }
      },
      { timeout: 120_000, message: `Grace did not become healthy:\n${grace.output()}` },
    )
    .toBe("ok");
}

function childPids(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopAndCheck(child: ChildProcess) {
  const pids = childPids(child.pid!);
  expect(pids.length).toBe(2); // web and worker
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  for (const pid of pids) await expect.poll(() => alive(pid), { timeout: 10_000 }).toBe(false);
}

test("npm start upgrades an older SQLite database, keeps its rows, and SIGTERM stops web and worker", async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "grace-upgrade-"));
  const file = path.join(dataDir, "grace.db");
  const [first, ...rest] = readMigrations(migrationsDir("sqlite"));
  await migrate({ provider: "sqlite", file }, { upTo: first.name });
  const old = new Database(file);
  old.prepare(`INSERT INTO "User" (username, passwordHash, role, createdAt, updatedAt) VALUES ('veteran', 'x', 'admin', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`).run();
  old.close();

  const port = 3211;
  const grace = startGrace(port, { GRACE_DATA_DIR: dataDir });
  try {
    await waitForHealthy(port, grace);
    expect(grace.output()).toContain(`applied ${rest.length}`);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT username FROM "User" ORDER BY id`).all()).toEqual([{ username: "veteran" }]); // no second admin
    expect((db.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get() as { n: number }).n).toBe(rest.length + 1);
    db.close();
  } finally {
    await stopAndCheck(grace.child);
  }
});

test("npm start on PostgreSQL migrates an empty database, creates the admin, and serves", async () => {
  let adminUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  let stopServer: (() => void) | undefined;
  if (!(await answers(adminUrl))) ({ url: adminUrl, stop: stopServer } = await startOwnPostgres());
  const name = `grace_e2e_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const port = 3212;
  const grace = startGrace(port, {
    GRACE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "grace-pg-")),
    DATABASE_URL: withDatabase(adminUrl, name),
    GRACE_ADMIN_PASSWORD: "pg-admin-password",
  });
  try {
    await waitForHealthy(port, grace);
    const health = await (await fetch(`http://localhost:${port}/api/health`)).json();
    expect(health.components.database).toMatchObject({ status: "ok", detail: "postgres" });
    const login = await fetch(`http://localhost:${port}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "pg-admin-password" }),
    });
    expect(login.status).toBe(200);
    const { access_token } = await login.json();
    const verify = await fetch(`http://localhost:${port}/api/log/verify`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(await verify.json()).toMatchObject({ valid: true, first_bad_sequence: null });
  } finally {
    await stopAndCheck(grace.child);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    stopServer?.();
  }
});

test("npm start brings a killed worker back, and restarts the web server on request", async () => {
  const port = 3213;
  const grace = startGrace(port, { GRACE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), "grace-supervise-")), GRACE_ADMIN_PASSWORD: "supervise-password" });
  const base = `http://localhost:${port}`;
  try {
    await waitForHealthy(port, grace);
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "supervise-password" }),
    });
    const { access_token } = await login.json();
    const auth = { authorization: `Bearer ${access_token}` };
    type Row = { name: string; pid: number | null; status: string; restarts: number; last_exit: { code: number | null; signal: string | null } | null };
    const processes = async (): Promise<Row[]> => {
      try {
        return (await (await fetch(`${base}/api/health/status`, { headers: auth })).json()).processes;
      } catch {
        return []; // the web server itself may be restarting
      }
    };
    const row = async (name: string) => (await processes()).find((p) => p.name === name);

    const worker = (await row("worker"))!;
    expect(worker).toMatchObject({ status: "running", restarts: 0 });
    expect(childPids(grace.child.pid!)).toContain(worker.pid);
    process.kill(worker.pid!, "SIGKILL");
    await expect
      .poll(async () => row("worker"), { timeout: 60_000, message: `the worker did not come back:\n${grace.output()}` })
      .toMatchObject({ status: "running", restarts: 1, last_exit: { signal: "SIGKILL" } });
    const revived = (await row("worker"))!;
    expect(revived.pid).not.toBe(worker.pid);
    expect(alive(revived.pid!)).toBe(true);
    expect(grace.child.exitCode).toBeNull(); // Grace itself stayed up

    const web = (await row("web"))!;
    const asked = await fetch(`${base}/api/health/restart`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ component: "web" }) });
    expect(asked.status).toBe(202);
    const restarted = async () => {
      const r = await row("web"); // undefined while the web server is down
      return r?.pid && r.pid !== web.pid ? r : null;
    };
    await expect
      .poll(restarted, { timeout: 120_000, message: `the web server did not come back:\n${grace.output()}` })
      .toMatchObject({ status: "running", restarts: 1, last_exit: { code: 0, signal: null } });
    expect(alive(web.pid!)).toBe(false);
    await waitForHealthy(port, grace);
  } finally {
    await stopAndCheck(grace.child);
  }
});
