import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { getRun } from "@/lib/sandbox/runs/get-run";
import { serializeRun } from "@/lib/sandbox/runs/serialize";

const params = idParams("a run id");

// One run with its output, plus the program that ran and its stdin.
export const GET = route({ params }, async ({ user, params }) => {
  const run = await getRun({ userId: user.id, runId: params.id });
  return { ...serializeRun(run), source: run.source, stdin: run.stdin, args: run.args ?? [] };
});
