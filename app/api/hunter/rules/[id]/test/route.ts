import { z } from "zod";
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/api/params";
import { testRule } from "@/lib/hunter/test-rule";

const params = idParams("a rule id");
const body = z.object({ text: z.string().min(1, "is required").max(100_000, "must be at most 100000 characters") });

// Tries a rule on a sample: the matches, masked; nothing is stored (so anyone signed in may, and in read-only mode too).
export const POST = route({ params, body, allowReadOnly: true }, ({ params, body }) => testRule({ id: params.id, text: body.text }));
