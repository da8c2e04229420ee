import { route } from "@/lib/api/route";
import { config } from "@/lib/config";
import { defaultLimits, maxLimits } from "@/lib/sandbox/limits";
import { LANGUAGES } from "@/lib/sandbox/runner/types";

// What a run may use, shown in the IDE: each run's limits, the most one may ask for, and how it is isolated.
export const GET = route({}, async () => ({ limits: defaultLimits(), max_limits: maxLimits(), isolation: config.sandbox.mode, languages: LANGUAGES }));
