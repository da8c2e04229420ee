// `npm run admin:reset-password -- <username>`: for someone at the server whose admin cannot
// sign in (forgotten password, or the only admin locked out). Gives the account a new random
// temporary password, printed here once; the user must choose their own at next sign-in.
// Every session of theirs ends, their API sign-in tokens are revoked, the name's failed
// sign-ins are cleared, and the audit log records it with actor `system`. Uses the same
// settings as `npm start` (DATABASE_URL or the SQLite file under GRACE_DATA_DIR).
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { ConfigError, loadConfig } from "../lib/config";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1 || args[0].startsWith("-")) {
  console.error("usage: npm run admin:reset-password -- <username>");
  process.exit(2);
}
const username = args[0];
try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[reset-password] ${error.message}\n[reset-password] fix these settings (README.md lists them) and try again`);
  process.exit(1);
}

// Imported after the settings are known to be valid: the database client reads them.
const { db } = await import("../lib/db/client");
const { writeTransaction } = await import("../lib/db/transaction");
const { hashPassword } = await import("../lib/auth/password");
const { resetPassword } = await import("../lib/users/reset-password");
const { NotFoundError } = await import("../lib/errors");

const password = randomBytes(12).toString("base64url"); // 96 random bits, 16 characters
let exitCode = 0;
try {
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction((tx) => resetPassword({ tx, username, passwordHash }));
  console.log(`\n  Temporary password for "${user.username}" (${user.role}): ${password}\n`);
  console.log("  It is shown only this once. Sign in with it and choose a new password: Grace asks at once.");
  console.log(`  Every session of "${user.username}" has been signed out and their API sign-in tokens revoked.\n`);
  if (user.disabled) console.log(`  Note: "${user.username}" is disabled; an admin must enable the account before it can sign in.\n`);
} catch (error) {
  exitCode = 1;
  if (error instanceof NotFoundError) console.error(`[reset-password] there is no user named "${username}"`);
  else console.error("[reset-password] could not reset the password:", error instanceof Error ? error.message : error);
} finally {
  await db.$disconnect().catch(() => {});
}
process.exit(exitCode);
