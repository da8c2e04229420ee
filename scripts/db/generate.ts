// Generates both Prisma clients (run by postinstall). `prisma generate` needs no schema
// engine, but the CLI insists on finding one: point it at any existing file so it does not
// try to download the native engine (this machine is offline).
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const provider of ["sqlite", "postgres"]) {
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--config", `prisma.${provider}.config.ts`], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
