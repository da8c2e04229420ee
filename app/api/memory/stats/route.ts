import { route } from "@/lib/api/route";
import { getMemoryStats } from "@/lib/memory/get-stats";

export const GET = route({}, ({ user }) => getMemoryStats({ user }));
