// Regexes in Grace's code run on what people type, upload and fetch; one that backtracks
// super-linearly is a denial of service (a crafted 100 kB message costing minutes of CPU).
// eslint.config.mjs makes eslint-plugin-regexp reject them in every directory of Grace's code.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function errors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? "");
}

describe("lint rejects regexes with super-linear runtime", () => {
  const places = ["lib/probe.ts", "app/api/probe/route.ts", "workers/probe.ts", "components/Probe.tsx"];

  it.each(places)("in %s", async (file) => {
    // Two adjacent quantifiers that can trade characters: quadratic on "a" + " ".repeat(n).
    expect(await errors("export const spaced = /^\\s*a\\s*\\s*b$/;\n", file)).toContain("regexp/no-super-linear-backtracking");
    // An unanchored run the engine re-scans from every start: quadratic on "1".repeat(n).
    expect(await errors("export const digits = /\\d+x/;\n", file)).toContain("regexp/no-super-linear-move");
    // The linear forms pass.
    expect(await errors("export const fine = /^\\s*a\\s*b$/;\nexport const digitsFine = /(?<!\\d)\\d+x/;\n", file)).toEqual([]);
  });
});
