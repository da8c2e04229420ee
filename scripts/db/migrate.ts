// `npm run db:migrate`: bring the configured database to the latest migration (npm start does this too).
import "dotenv/config";
import { databaseConfig } from "../../lib/db/config";
import { migrate } from "../../lib/db/migrate";

const config = databaseConfig();
const applied = await migrate(config, { log: (l) => console.log(l) });
console.log(`${config.provider}: ${applied.length ? `applied ${applied.length} migration(s)` : "already at the latest migration"}`);
// Passages stored before the search words existed are indexed in JS (the runner runs SQL only).
const { backfillSearchText } = await import("../../lib/knowledge/backfill-search-text");
const { db } = await import("../../lib/db/client");
await backfillSearchText({ log: (l) => console.log(l) });
await db.$disconnect();
