// `npm run db:migrate`: bring the configured database to the latest migration (npm start does this too).
import "dotenv/config";
import { databaseConfig } from "../../lib/db/config";
import { migrate } from "../../lib/db/migrate";

const config = databaseConfig();
const applied = await migrate(config, { log: (l) => console.log(l) });
console.log(`${config.provider}: ${applied.length ? `applied ${applied.length} migration(s)` : "already at the latest migration"}`);
