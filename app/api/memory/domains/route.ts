import { route } from "@/lib/api/route";
import { listDomains } from "@/lib/memory/list-domains";

export const GET = route({}, ({ user }) => listDomains({ user }));
