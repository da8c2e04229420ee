import { route } from "@/lib/api/route";
import { GoneError } from "@/lib/errors";

// The earlier Grace's /api/plugins listed no plugins and "enabled" any name it was given: no
// plugin system ever stood behind it. Every path and method under it now says so (410) rather
// than pretend, to anyone, signed in or not.
const removed = route({ access: "public", skipAuth: true, allowReadOnly: true }, async () => {
  throw new GoneError("/api/plugins was removed: it was a stub with no plugin system behind it (it listed no plugins, and enabling or disabling one changed nothing). Nothing replaces it.");
});

export { removed as GET, removed as POST, removed as PUT, removed as PATCH, removed as DELETE };
