// Once per test project: a migrated template database that every test file copies.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { answers, DEFAULT_TEST_DATABASE_URL, startOwnPostgres, withDatabase } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: { provider: "sqlite"; template: string; dir: string } | { provider: "postgres"; adminUrl: string; template: string; prefix: string };
  }
}

export default async function setup(project: TestProject) {
  if (project.name === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grace-test-sqlite-"));
    const template = path.join(dir, "template.db");
    await migrate({ provider: "sqlite", file: template });
    copyFileSync(template, path.join(dir, "check.db")); // fail here, not in every file, if it cannot be copied
    project.provide("testDb", { provider: "sqlite", template, dir });
    return () => rmSync(dir, { recursive: true, force: true });
  }

  let adminUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  let stopServer: (() => void) | undefined;
  if (!(await answers(adminUrl))) {
    const own = await startOwnPostgres();
    adminUrl = own.url;
    stopServer = own.stop;
  }
  const prefix = `grace_t${process.pid}_${Date.now().toString(36)}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await migrate({ provider: "postgres", url: withDatabase(adminUrl, template) });
  project.provide("testDb", { provider: "postgres", adminUrl, template, prefix });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    stopServer?.();
  };
}
