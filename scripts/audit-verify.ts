// `npm run audit:verify -- [--head saved-head.json] [--witness URL] [--save-head out.json] [--all-signatures]`:
// checks the audit log offline (lib/audit/audit-verify-command.ts), on the database `npm start`
// uses (DATABASE_URL, or the SQLite file under GRACE_DATA_DIR), with the log's signing key.
import "dotenv/config";
import { ConfigError, loadConfig } from "../lib/config";

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[audit:verify] ${error.message}`);
  process.exit(2);
}
// Imported after the settings are known to be valid: the database client reads them.
const { db } = await import("../lib/db/client");
const { auditVerifyCommand } = await import("../lib/audit/audit-verify-command");
let code = 2;
try {
  code = await auditVerifyCommand({ db, argv: process.argv.slice(2) });
} catch (error) {
  console.error("[audit:verify] could not verify:", error instanceof Error ? error.message : error);
} finally {
  await db.$disconnect().catch(() => {});
}
process.exit(code);
