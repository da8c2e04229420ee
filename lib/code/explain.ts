// Plain words for each kind of failure: what happened, and what usually causes it.
import type { CodeLanguage } from "./languages";

export type Explanation = { explanation: string; likelyCause: string };

const PYTHON: Record<string, Explanation> = {
  NameError: {
    explanation: "Python reached a name it does not know: nothing by that name was defined, imported or built in at that point.",
    likelyCause: "A missing import, a typo in the name, or a variable used before the line that assigns it.",
  },
  SyntaxError: {
    explanation: "Python could not parse the program, so none of it ran.",
    likelyCause: "An unclosed bracket or quote, a missing ':' after if/for/def, or a typo in a keyword.",
  },
  IndentationError: {
    explanation: "Python groups statements into blocks by their indentation, and this line's indentation does not fit the blocks around it.",
    likelyCause: "A line indented more or less than its neighbours, or a block header (if, for, def…) with nothing indented under it.",
  },
  TabError: {
    explanation: "The indentation mixes tabs and spaces in a way Python cannot read unambiguously.",
    likelyCause: "Lines pasted from another editor: some are indented with tabs, others with spaces.",
  },
  TypeError: {
    explanation: "An operation got a value of a type it cannot work with.",
    likelyCause: "Mixing types (adding a number to a string), calling something that is not a function, or passing the wrong number of arguments.",
  },
  AttributeError: {
    explanation: "The value has no attribute or method by that name.",
    likelyCause: "A typo in the attribute's name, or a value of another type than expected (often None, returned by a function that returns nothing).",
  },
  KeyError: {
    explanation: "A dictionary was asked for a key it does not hold.",
    likelyCause: "The key is misspelled or was never added; dict.get(key) returns None instead of failing.",
  },
  IndexError: { explanation: "A list, tuple or string was indexed past its end.", likelyCause: "An off-by-one in a loop, or an empty list." },
  ValueError: {
    explanation: "A function got an argument of the right type but a value it cannot accept.",
    likelyCause: "Converting text that is not a number with int() or float(), or unpacking a different number of values than there are names.",
  },
  ZeroDivisionError: { explanation: "A number was divided by zero.", likelyCause: "A divisor that can be zero, such as the length of an empty list." },
  ModuleNotFoundError: {
    explanation: "The program imports a module that is not available in the sandbox.",
    likelyCause: "The sandbox has Python's standard library only and no network to install packages; or the module's name is misspelled.",
  },
  ImportError: {
    explanation: "A module was found but the name imported from it was not.",
    likelyCause: "A misspelled name, a name from another version of the module, or two of your files importing each other.",
  },
  FileNotFoundError: {
    explanation: "The program opened a file that does not exist in the run's workspace.",
    likelyCause: "A run sees your saved workspace files only: check the path, and that the file is saved.",
  },
  RecursionError: { explanation: "A function called itself more deeply than Python allows.", likelyCause: "A recursion with no base case, or one that is never reached." },
  UnboundLocalError: {
    explanation: "A local variable was read before it was assigned in the same function.",
    likelyCause: "Assigning to a name anywhere in a function makes it local in all of that function; assign it first, or declare it global/nonlocal.",
  },
  EOFError: {
    explanation: "input() found no more input to read.",
    likelyCause: "The program reads standard input, but the run's stdin was empty or shorter than the program expects: fill the stdin box.",
  },
  AssertionError: { explanation: "An assert statement found its condition false.", likelyCause: "The program's own check failed: the values differ from what the assert expects." },
  MemoryError: { explanation: "Python could not get the memory it asked for.", likelyCause: "A data structure that keeps growing, or loading too much data at once." },
};

const JS: Record<string, Explanation> = {
  ReferenceError: {
    explanation: "The program used a name that is not declared anywhere in scope.",
    likelyCause: "A missing require/import, a typo in the name, or a variable declared inside another block or function.",
  },
  TypeError: {
    explanation: "A value was used in a way its type does not allow, most often reading a property of undefined or null, or calling something that is not a function.",
    likelyCause: "A variable that was never set, a function that returned nothing, or a misspelled property or method.",
  },
  SyntaxError: {
    explanation: "Node could not parse the program, so none of it ran.",
    likelyCause: "An unclosed bracket or quote, a missing comma, or TypeScript-only syntax in a .js file.",
  },
  RangeError: {
    explanation: "A value was outside the range allowed, or the call stack overflowed.",
    likelyCause: "A recursion that never stops (\"Maximum call stack size exceeded\"), or an invalid array length or number format.",
  },
  Error: { explanation: "The program threw an error and stopped.", likelyCause: "A throw in the program, or a library call that failed: the message says why." },
};

const TYPESCRIPT: Explanation = {
  explanation: "TypeScript could not compile the program, so none of it ran.",
  likelyCause: "A syntax error: an unclosed bracket, or a missing comma, semicolon or parenthesis.",
};

const BASH: Record<string, Explanation> = {
  CommandNotFound: {
    explanation: "The shell found no command by that name.",
    likelyCause: "A typo in the command's name, or a program the sandbox does not have (it has the usual system tools, Python and Node, and no network to install more).",
  },
  SyntaxError: { explanation: "The shell could not parse the script.", likelyCause: "An if without fi, a loop without done, a case without esac, or an unclosed quote." },
  UnboundVariable: { explanation: "The script used a variable that was never set (set -u makes that an error).", likelyCause: "A misspelled variable name, or a missing argument." },
  ArithmeticError: { explanation: "An arithmetic expression failed.", likelyCause: "A division by zero, or a variable that does not hold a number." },
  PermissionError: { explanation: "The script was refused access to a file or program.", likelyCause: "A path outside the workspace (read-only in the sandbox), or a file that is not executable." },
  FileNotFoundError: { explanation: "The script used a file that does not exist.", likelyCause: "A wrong path, or a file that is not saved in the workspace." },
  ShellError: { explanation: "A shell command failed.", likelyCause: "The message names the command and why it failed." },
};

export const LIMITS: Record<"timeout" | "memory_limit" | "output_limit", Explanation & { errorType: string; summary: string }> = {
  timeout: {
    errorType: "Timeout",
    summary: "Stopped: the program ran longer than its time limit",
    explanation: "The program was still running when its time limit ran out, so it was stopped.",
    likelyCause: "A loop that never ends, a program waiting for input that never comes (fill the stdin box), or work too heavy for the limit.",
  },
  memory_limit: {
    errorType: "MemoryLimit",
    summary: "Stopped: the program used more memory than its limit",
    explanation: "The program asked for more memory than its limit allows, so it was stopped.",
    likelyCause: "A list or string that keeps growing (often in a loop that never ends), or loading too much data at once.",
  },
  output_limit: {
    errorType: "OutputLimit",
    summary: "Stopped: the program printed more than the output limit",
    explanation: "The program printed more than the output limit; what came after it was dropped and the run was stopped.",
    likelyCause: "A print inside a loop that runs far more often than intended, or a loop that never ends.",
  },
};

const SIGNALS: Record<number, string> = { 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ" };

/** A failure no parser recognised: what its exit code says. */
export function exitCodeExplanation(exitCode: number | null): Explanation & { errorType: string; summary: string } {
  if (exitCode !== null && exitCode > 128 && SIGNALS[exitCode - 128]) {
    const signal = SIGNALS[exitCode - 128];
    return {
      errorType: signal,
      summary: `The program was ended by the signal ${signal}`,
      explanation: `The program did not exit by itself: the signal ${signal} (exit code ${exitCode}) ended it.`,
      likelyCause: signal === "SIGXFSZ" ? "A file written past the per-file size limit." : "A crash in the interpreter or a native library, or a limit the sandbox enforces.",
    };
  }
  return {
    errorType: "ExitCode",
    summary: `The program exited with code ${exitCode ?? "unknown"}`,
    explanation: `The program ended with exit code ${exitCode ?? "unknown"}; anything but 0 means it failed.`,
    likelyCause: "An explicit exit with a non-zero code (sys.exit(1), process.exit(1), exit 1), or the last command of a script failing.",
  };
}

export function explain(language: CodeLanguage, errorType: string): Explanation {
  if (language === "python") return PYTHON[errorType] ?? { explanation: `The program raised ${errorType} and stopped.`, likelyCause: "The message and the line it points at say what went wrong." };
  if (language === "bash") return BASH[errorType] ?? BASH.ShellError;
  if (/^TS\d+$/.test(errorType)) return TYPESCRIPT;
  return JS[errorType] ?? { explanation: `The program threw ${errorType} and stopped.`, likelyCause: "The message and the line it points at say what went wrong." };
}
