// Before a run: the program through Hunter's code rules. Loading this module also registers
// the code scanner, so scan({ target: "code" }) applies the same rules in this process.
import "../hunter/code-scanner";
import type { Db } from "../db/client";
import { scanCode, type CodeCheck } from "./scan-code";

export type { CodeCheck, Diagnostic } from "./scan-code";

/**
 * Diagnostics (line, column, rule) for the editor and findings for Hunter: the caller records
 * the findings with recordFindings and refuses the run when one has action "block".
 */
export function checkCode(o: { db?: Db; language: string | null; fileName?: string | null; code: string }): Promise<CodeCheck> {
  return scanCode(o);
}
