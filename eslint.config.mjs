import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

const serverOnly = {
  patterns: [
    {
      group: ["@/lib/*", "**/lib/*"],
      message: "Client code must not import lib/ (server-side, shared with the worker): call the API instead.",
    },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/db/generated/**", ".next/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  // The server/client boundary: lib/ is shared with the worker, so it cannot use the
  // `server-only` package; components that run in the browser may not import it.
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", serverOnly] } },
  // lib/ must stay importable by the worker: no React, no Next request APIs except in the
  // few files that exist to bridge to pages.
  {
    files: ["lib/**/*.ts", "workers/**/*.ts"],
    ignores: ["lib/auth/current-user.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/headers", message: "Read the Request instead: lib/ runs outside Next too." }, { name: "react", message: "lib/ is server code." }] },
      ],
    },
  },
  // Regexes run on what people type, upload and fetch: one that backtracks super-linearly turns a
  // long crafted input into minutes of CPU (ReDoS). Rewrite such a regex; do not disable the rule.
  {
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "workers/**/*.ts", "components/**/*.{ts,tsx}"],
    plugins: { regexp },
    rules: {
      // "potential": also what only some attack strings, or some uses of the regex, would trigger.
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential" }],
    },
  },
];

export default config;
