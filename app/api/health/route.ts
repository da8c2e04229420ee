import { healthRoute } from "@/lib/health/health-route";

export const dynamic = "force-dynamic";
export const GET = healthRoute;
