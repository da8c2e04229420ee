import { route } from "../api/route";
import { json } from "../api/responses";
import { getHealth } from "./get-health";

/** Shared by GET /health and GET /api/health. */
export const healthRoute = route({ access: "public", skipAuth: true }, async () => {
  const health = await getHealth();
  return json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
});
