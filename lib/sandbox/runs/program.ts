// Which program a run request means, decided before any transaction: the language (asked, or
// from the file's extension), the file it runs as, and its source (the editor's buffer, or the
// saved file). The earlier API's `command` may only name an interpreter and a file.
import type { Db } from "../../db/client";
import { invalid, NotFoundError } from "../../errors";
import type { Language } from "../runner/types";
import { assertSandboxPath } from "../files/path";
import type { RunInput } from "./schemas";

const BY_EXTENSION: Record<string, Language> = { py: "python", js: "javascript", mjs: "javascript", cjs: "javascript", ts: "typescript", sh: "bash" };
const DEFAULT_FILE: Record<Language, string> = { python: "main.py", javascript: "main.js", typescript: "main.ts", bash: "main.sh" };
const INTERPRETERS: Record<string, Language> = { python: "python", python3: "python", node: "javascript", tsx: "typescript", "ts-node": "typescript", bash: "bash", sh: "bash" };
/** `python3 main.py a b`: an interpreter, a file, plain arguments — nothing a shell would read. */
const COMMAND = /^(\S+)\s+(\S+)((?:\s+[\w.,:=@%+/-]+)*)\s*$/;

export type Program = { language: Language; fileName: string; source: string; args: string[]; command: string };

export async function resolveProgram(o: { db: Db; userId: number; input: RunInput }): Promise<Program> {
  const { input } = o;
  let fileName = input.file_name;
  let args = input.args;
  let language = input.language;
  if (input.command !== undefined && input.code === undefined) {
    const m = COMMAND.exec(input.command);
    const interpreter = m ? INTERPRETERS[m[1].replace(/^.*\//, "")] : undefined;
    if (!m || !interpreter) throw invalid("command", "may only run a file with its interpreter (python, node, tsx, bash), e.g. \"python main.py\": it is never run by a shell");
    if (fileName !== undefined && fileName !== m[2]) throw invalid("command", `runs ${m[2]}, but file_name is ${fileName}`);
    fileName = m[2];
    language ??= interpreter;
    args = m[3].trim() ? m[3].trim().split(/\s+/) : [];
  }
  if (fileName !== undefined) fileName = assertSandboxPath(fileName, input.file_name === undefined ? "command" : "file_name");
  const extension = fileName?.split(".").pop()?.toLowerCase() ?? "";
  language ??= BY_EXTENSION[extension];
  if (!language) throw invalid(fileName ? "file_name" : "language", fileName ? `has no language Grace can run (.py, .js, .ts, .sh): give language` : "is required with code and no file_name");
  let source = input.code;
  if (source === undefined) {
    const file = await o.db.sandboxFile.findUnique({ where: { userId_path: { userId: o.userId, path: fileName! } }, select: { content: true } });
    if (!file) throw new NotFoundError("File");
    source = file.content;
  }
  fileName ??= DEFAULT_FILE[language];
  const command = input.command ?? `${language} ${fileName}${args.length ? ` ${args.join(" ")}` : ""}`;
  return { language, fileName, source, args, command };
}
