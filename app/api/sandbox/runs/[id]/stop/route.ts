import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { writeTransaction } from "@/lib/db/transaction";
import { stopRun } from "@/lib/sandbox/runs/stop-run";
import { serializeRun } from "@/lib/sandbox/runs/serialize";

const params = idParams("a run id");

// Stop: the worker kills the program at once; the run ends as `killed` (GET the run or its stream for the end).
export const POST = route({ params }, async ({ user, params }) => serializeRun(await writeTransaction((tx) => stopRun({ tx, user, runId: params.id }))));
