import { route } from "@/lib/api/route";
import { json } from "@/lib/api/responses";
import { getHealth } from "@/lib/health/get-health";

export const dynamic = "force-dynamic";

// Liveness for people and load balancers; also served at GET /health (app/health/route.ts).
export const GET = route({ access: "public", skipAuth: true }, async () => {
  const health = await getHealth();
  return json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
});
