// Hunter's scanner for code (target "code"): the enabled code rules (lib/code/rules.ts), the
// same ones checkCode applies before a run. The text's language is not known here, so each
// language's rules look at it as that language. Registered when loaded (once per process).
import { registerScanner, type Scanner } from "./scan";
import { scanCode } from "../code/scan-code";

export const codeScanner: Scanner = async (input) => (input.target === "code" ? (await scanCode({ language: null, code: input.text })).findings : []);

// Kept on globalThis so a module reload (Next in development) replaces it rather than adding a second.
const g = globalThis as unknown as { graceCodeScanner?: () => void };
g.graceCodeScanner?.();
g.graceCodeScanner = registerScanner(codeScanner);
