// System packages the test suite needs: Debian's Chromium for the e2e tests, bubblewrap for the
// sandbox tests (user code runs under it), and PostgreSQL when no server answers (tests/setup
// starts its own from the package). Installed with apt when running as root on Debian;
// otherwise the exact command is printed and the run stops.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { answers, DEFAULT_TEST_DATABASE_URL } from "../tests/setup/postgres-server";

type Need = { pkg: string; why: string };

function hasPostgresBinaries(): boolean {
  const root = "/usr/lib/postgresql";
  return existsSync(root) && readdirSync(root).some((v) => existsSync(`${root}/${v}/bin/initdb`));
}

export async function missingSystemPackages(): Promise<Need[]> {
  const needs: Need[] = [];
  if (!existsSync(process.env.CHROMIUM_PATH || "/usr/bin/chromium")) needs.push({ pkg: "chromium", why: "end-to-end tests" });
  if (!["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"].some((p) => existsSync(p))) needs.push({ pkg: "bubblewrap", why: "sandbox tests" });
  const pgUrl = process.env.GRACE_TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  if (!(await answers(pgUrl)) && !hasPostgresBinaries()) needs.push({ pkg: "postgresql", why: "PostgreSQL integration tests" });
  return needs;
}

export async function ensureSystemPackages() {
  const needs = await missingSystemPackages();
  if (!needs.length) return;
  const pkgs = needs.map((n) => n.pkg);
  const canApt = process.getuid?.() === 0 && spawnSync("which", ["apt-get"]).status === 0;
  if (!canApt) {
    console.error(`Missing system packages for ${needs.map((n) => n.why).join(" and ")}. Install them with:\n\n  sudo apt-get update && sudo apt-get install -y ${pkgs.join(" ")}\n`);
    process.exit(1);
  }
  console.log(`[test] installing ${pkgs.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs], { stdio: "inherit", env });
}
