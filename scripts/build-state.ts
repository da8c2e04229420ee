// "Build when needed": a hash of everything the Next build reads, stored beside the build.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = ["app", "components", "lib", "public", "next.config.ts", "proxy.ts", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "prisma/models.prisma"];
const STAMP = ".next/grace-source-hash";

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).sort().flatMap((name) => files(path.join(entry, name)));
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap(files)) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

export function needsBuild(): boolean {
  if (!existsSync(".next/BUILD_ID") || !existsSync(STAMP)) return true;
  return readFileSync(STAMP, "utf8").trim() !== sourceHash();
}

/** `hash`: the sources' hash taken BEFORE the build, so a file saved while it ran is built next time. */
export function recordBuild(hash: string) {
  writeFileSync(STAMP, hash);
}
