// Running one program in isolation (issue 12, part 1). See run-program.ts.
export { runProgram } from "./run-program";
export { sandboxProblem } from "./probe";
export { LANGUAGES, RUN_STATUSES } from "./types";
export type { InputFile, Language, OutputStream, RunOptions, RunResult, RunStatus, WrittenFile } from "./types";
export { defaultLimits, maxLimits, resolveLimits, LIMIT_NAMES, type SandboxLimits } from "../limits";
