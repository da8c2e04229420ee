import path from "node:path";
import { defineConfig } from "vitest/config";

// Three projects: unit tests (no database), and the integration suite twice — on a real
// SQLite file and on a real PostgreSQL server (a fresh database per test file in both).
const shared = {
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
};

export default defineConfig({
  ...shared,
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      // A project does not inherit the root's timeouts: without its own, a unit test had vitest's 5 s,
      // which the linear-time tests (work at n and 10n) overran on a loaded machine.
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], setupFiles: ["tests/setup/env.ts"], testTimeout: 30_000 } },
      {
        ...shared,
        test: {
          name: "sqlite",
          include: ["tests/integration/**/*.test.ts"],
          env: { GRACE_TEST_DB: "sqlite" },
          globalSetup: ["tests/setup/global.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          env: { GRACE_TEST_DB: "postgres" },
          globalSetup: ["tests/setup/global.ts"],
          setupFiles: ["tests/setup/env.ts", "tests/setup/per-file.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
