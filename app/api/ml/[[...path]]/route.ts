import { route } from "@/lib/api/route";
import { GoneError } from "@/lib/errors";

// The earlier Grace's /api/ml trained nothing: "train" stored a model row without metrics and
// "deploy" flipped a flag that nothing read. Every path and method under it now says so (410)
// rather than pretend, to anyone, signed in or not.
const removed = route({ access: "public", skipAuth: true, allowReadOnly: true }, async () => {
  throw new GoneError("/api/ml was removed: it was a stub that trained and served no model (training stored an empty record, deploying only flipped a flag). Nothing replaces it.");
});

export { removed as GET, removed as POST, removed as PUT, removed as PATCH, removed as DELETE };
