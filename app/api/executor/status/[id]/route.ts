import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { getJob } from "@/lib/jobs/get-job";

const params = idParams("a task id");

// Your own jobs; an admin sees any (the loops' jobs have no creator).
export const GET = route({ params }, ({ user, params }) => getJob({ user, jobId: params.id }));
