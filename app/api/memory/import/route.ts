import { route } from "@/lib/api/route";
import { config } from "@/lib/config";
import { importKnowledge, importSchema } from "@/lib/memory/import-knowledge";

// A document from POST /api/memory/export → {imported, duplicates, conflicts, items}; up to
// GRACE_MAX_IMPORT_BYTES (20 MB).
export const POST = route({ body: importSchema, maxBodyBytes: () => config.maxImportBytes }, ({ user, body }) => importKnowledge({ user, doc: body }));
