// Prisma's schema engine, as WebAssembly, driven through a driver adapter. The CLI's native
// engine cannot be downloaded on an offline machine; this one ships inside an npm package.
/* eslint-disable @typescript-eslint/no-explicit-any -- the wasm bindings are untyped */
// Used only to *write* migrations (scripts/db/new-migration.ts); applying them at start is
// lib/db/migrate.ts's job and needs no engine.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { config } from "../../lib/config";

const require = createRequire(import.meta.url);

let loaded: Promise<any> | undefined;

// Instantiate the wasm module once per process; every engine shares it.
async function loadEngineModule() {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  // A Rust panic reports its message here before the call rejects.
  (globalThis as any).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => console.error(`schema engine panic: ${message}`),
  };
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

export async function createSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][],
) {
  const bg = await (loaded ??= loadEngineModule());
  const log = (line: string) => {
    if (config.debugEngine) console.error(line);
  };
  const engine = await bg.SchemaEngine.new(
    { datamodels },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  return engine as {
    diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
    free(): void;
  };
}
