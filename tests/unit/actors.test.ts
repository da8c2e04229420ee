// The audit log's system actors are reserved usernames: a user named like one would see the
// system's entries as their own (people see the entries whose actor is their name). The list
// is lib/audit/actors.ts; this test fails when code writes an actor that is not on it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOOP_ACTORS, RESERVED_USERNAMES, SYSTEM_ACTORS } from "../../lib/audit/actors";
import { LOOP_NAMES } from "../../lib/loops/config";
import { registerSchema, usernameSchema } from "../../lib/auth/schemas";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every string literal in the value of an `actor:` property, and every `…_ACTOR = "…"` constant. */
function literalActors(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\bactor\s*:\s*([^,}\n]+)/g)) {
    for (const literal of match[1].matchAll(/(["'`])((?:(?!\1)[^\\]|\\.)*)\1/g)) found.push(literal[2]);
  }
  for (const match of source.matchAll(/\b[A-Z_]*ACTOR\s*=\s*(["'`])([^"'`]*)\1/g)) found.push(match[2]);
  return found;
}

describe("system actors", () => {
  const sources = [...files("lib"), ...files("workers"), ...files("app"), ...files("scripts")].filter((f) => f !== path.join("lib", "audit", "actors.ts"));

  it("finds the literals it looks for (the check itself works)", () => {
    expect(literalActors(`append(tx, { actor: "health-loop", action: "x" })`)).toEqual(["health-loop"]);
    expect(literalActors(`{ actor: user ? user.username : 'anonymous', x }`)).toEqual(["anonymous"]);
    expect(literalActors(`export const SCANNER_ACTOR = "scanner";`)).toEqual(["scanner"]);
    expect(literalActors(`{ actor: o.user.username, action }`)).toEqual([]);
  });

  it("every actor written as a literal in lib/, workers/, app/ or scripts/ is an exported system actor", () => {
    expect(sources).toContain(path.join("scripts", "bench", "audit-worker.ts"));
    const unknown = sources.flatMap((file) => literalActors(readFileSync(file, "utf8")).filter((a) => !SYSTEM_ACTORS.includes(a)).map((a) => `${file}: ${a}`));
    expect(unknown).toEqual([]);
  });

  it("every loop has an actor, and it is reserved", () => {
    for (const loop of LOOP_NAMES) expect(RESERVED_USERNAMES).toContain(LOOP_ACTORS[loop]);
  });

  it("no system actor can be registered, in any case", () => {
    for (const actor of SYSTEM_ACTORS) {
      for (const name of [actor, actor.toUpperCase(), actor[0].toUpperCase() + actor.slice(1)]) {
        const parsed = usernameSchema.safeParse(name);
        expect(parsed.success, name).toBe(false);
        expect(parsed.error?.issues.map((i) => i.message)).toContain("is reserved");
      }
    }
    // The names the issue found unprotected.
    for (const name of ["health-loop", "Meta-Loop", "HUNTER", "worker", "System"]) {
      expect(registerSchema.safeParse({ username: name, password: "long enough pw" }).success, name).toBe(false);
    }
    expect(usernameSchema.safeParse("health-looper").success).toBe(true);
  });
});
