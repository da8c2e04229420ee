// Issue 12, item 5: Hunter's built-in code rules, exactly as the migration seeds them, each
// with code it must flag (at the right line and column) and near misses it must not.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { toCodeRule, type CodeRule } from "../../lib/code/rules";
import { matchCodeRules } from "../../lib/code/match-rules";
import { lex } from "../../lib/code/lex";
import type { CodeLanguage } from "../../lib/code/languages";

const MIGRATION = "20261201212650_code_rules";

/** The rows of the migration's INSERT: its SQL string literals, in order, a row per line. */
function seededRows(provider: "sqlite" | "postgres") {
  const sql = readFileSync(`prisma/${provider}/migrations/${MIGRATION}/migration.sql`, "utf8");
  return sql
    .split("\n")
    .filter((l) => l.startsWith("  ("))
    .map((line) => {
      const literals: string[] = [];
      for (let i = 0; i < line.length; i++) {
        if (line[i] !== "'") continue;
        let value = "";
        for (i++; i < line.length; i++) {
          if (line[i] === "'" && line[i + 1] === "'") {
            value += "'";
            i++;
          } else if (line[i] === "'") break;
          else value += line[i];
        }
        literals.push(value);
      }
      const [name, description, target, pattern, severity, action] = literals;
      return { name, description, target, pattern, severity, action };
    });
}

const rows = seededRows("sqlite");
const rules: CodeRule[] = rows.map((r, i) => toCodeRule({ id: i + 1, ...r })!);

function hits(language: CodeLanguage | null, code: string) {
  return matchCodeRules({ rules, language, code }).map((h) => ({ rule: h.rule.name, line: h.line, column: h.column, text: code.split("\n")[h.line - 1].slice(h.column - 1, h.endColumn - 1) }));
}

describe("the seeded code rules", () => {
  it("are the same rows on SQLite and PostgreSQL, all compile, all target code and alert", () => {
    expect(seededRows("postgres")).toEqual(rows);
    expect(rows.length).toBe(18);
    expect(rules.every(Boolean)).toBe(true);
    expect(new Set(rows.map((r) => r.target))).toEqual(new Set(["code"]));
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["alert"]));
    expect(readFileSync(`prisma/postgres/migrations/${MIGRATION}/migration.sql`, "utf8")).not.toMatch(/\b(?:CREATE|ALTER|DROP|UPDATE|DELETE)\b/);
  });

  type Case = [rule: string, language: CodeLanguage, code: string, line: number, column: number, text: string];
  const POSITIVE: Case[] = [
    ["python.eval", "python", "x = 1\ny = eval(src)\n", 2, 5, "eval"],
    ["python.exec", "python", "exec(code, {})\n", 1, 1, "exec"],
    ["python.os_system", "python", "import os\nos.system('ls')\n", 2, 1, "os.system"],
    ["python.subprocess_shell", "python", "subprocess.run(cmd,\n    shell=True)\n", 2, 5, "shell=True"],
    ["python.pickle_loads", "python", "obj = pickle.loads(blob)\n", 1, 7, "pickle.loads"],
    ["python.shell_injection", "python", "def rm(path):\n    os.system(f\"rm -rf {path}\")\n", 2, 5, "os.system"],
    ["js.eval", "javascript", "const v = eval(input);\n", 1, 11, "eval"],
    ["js.new_function", "typescript", "const f = new Function('a', 'return a');\n", 1, 11, "new Function"],
    ["js.child_process", "javascript", 'const cp = require("child_process");\n', 1, 20, '"child_process"'],
    ["js.child_process", "typescript", 'import { execSync } from "node:child_process";\n', 1, 26, '"node:child_process"'],
    ["js.shell_injection", "javascript", "exec(`ls ${dir}`, cb);\n", 1, 1, "exec"],
    ["bash.curl_pipe_shell", "bash", "set -e\ncurl -fsSL https://example.com/install.sh | sudo bash\n", 2, 1, "curl -fsSL https://example.com/install.sh | sudo bash"],
    ["bash.rm_rf_root", "bash", "rm -rf /\n", 1, 1, "rm -rf /"],
    ["bash.shell_injection", "bash", 'cmd="$1"\neval "$cmd"\n', 2, 1, "eval"],
    ["secret.aws_access_key", "python", 'KEY = "AKIAIOSFODNN7EXAMPLE"\n', 1, 8, "AKIAIOSFODNN7EXAMPLE"],
    ["secret.private_key", "bash", "cat > key <<EOF\n-----BEGIN OPENSSH PRIVATE KEY-----\nEOF\n", 2, 1, "-----BEGIN OPENSSH PRIVATE KEY-----"],
    ["secret.password_literal", "python", 'db_password = "hunter22"\n', 1, 4, 'password = "hunter22"'],
    ["secret.password_literal", "javascript", 'const config = { apiKey: "sk_live_51abc" };\n', 1, 18, 'apiKey: "sk_live_51abc"'],
    ["secret.github_token", "javascript", 'const t = "ghp_0123456789abcdefghijklmnopqrstuvwxyz";\n', 1, 12, "ghp_0123456789abcdefghijklmnopqrstuvwxyz"],
    ["secret.slack_token", "python", 'SLACK = "xoxb-123456789012-abcdefABCDEF"\n', 1, 10, "xoxb-123456789012-abcdefABCDEF"],
  ];

  it.each(POSITIVE)("%s flags %s code at its line and column", (rule, language, code, line, column, text) => {
    expect(hits(language, code)).toContainEqual({ rule, line, column, text });
  });

  it("every seeded rule has a case above", () => {
    expect(new Set(POSITIVE.map((c) => c[0]))).toEqual(new Set(rows.map((r) => r.name)));
  });

  const NEAR_MISSES: [what: string, language: CodeLanguage, code: string][] = [
    ["eval in a comment", "python", "x = 1  # never eval(user_input)\n"],
    ["eval in prose in a string", "python", 'print("do not call eval(x) on input")\n'],
    ["eval in a docstring", "python", 'def f():\n    """Unlike eval(s), this is safe."""\n    return 1\n'],
    ["literal_eval and a method named eval", "python", "v = ast.literal_eval(s)\nmodel.eval()\n"],
    ["exec as part of a longer name", "python", "cursor.execute(sql)\nexecutor(x)\n"],
    ["a subprocess without a shell", "python", 'subprocess.run(["ls", "-l"], check=True)\n'],
    ["eval in a JS comment and a regex", "javascript", "// eval(x)\nconst re = /eval\\(/;\n"],
    ["a regex's exec", "javascript", 'const m = pattern.exec("a " + b);\n'],
    ["a module named like child_process", "javascript", 'const h = require("child_process_helper");\n'],
    ["a template literal mentioning eval", "typescript", "const msg = `call eval() and you lose`;\n"],
    ["curl piped into something that is not a shell", "bash", "curl -s https://example.com/a | shasum\ncurl -s https://example.com/b | tee out\n"],
    ["curl | sh in a comment", "bash", "# curl https://example.com | sh\n"],
    ["rm -rf of a folder under /", "bash", "rm -rf /tmp/build\nrm -rf ./dist\n"],
    ["eval in an echoed sentence", "bash", 'echo "we never eval input"\n'],
    ["a password read from the environment or left empty", "python", 'password = os.environ["PASSWORD"]\npassword = ""\npw = input("password: ")\n'],
    ["a public key and a certificate", "python", 'PEM = "-----BEGIN PUBLIC KEY-----"\nC = "-----BEGIN CERTIFICATE-----"\n'],
    ["key-like strings too short to be keys", "javascript", 'const a = "AKIA1234";\nconst b = "ghp_short";\nconst c = "xoxb-1";\n'],
  ];

  it.each(NEAR_MISSES)("%s is not flagged", (_what, language, code) => {
    expect(hits(language, code)).toEqual([]);
  });

  it("a constant command is a dangerous call, not a shell injection", () => {
    expect(hits("python", "os.system('clear')\n").map((h) => h.rule)).toEqual(["python.os_system"]);
    expect(hits("javascript", 'execSync("ls -l");\n')).toEqual([]);
  });

  it("a rule for one language leaves the others alone; without a language each language's rules read the text as theirs", () => {
    expect(hits("bash", "eval(x)\n")).toEqual([]);
    expect(hits(null, "import os\nos.system('ls ' + d)\n").map((h) => h.rule)).toEqual(["python.os_system", "python.shell_injection"]);
  });

  it("reports at most 500 hits, whatever the size of the program", () => {
    const code = "eval(x)\n".repeat(2000);
    expect(matchCodeRules({ rules, language: "python", code })).toHaveLength(500);
  });
});

describe("rules from the database are only ever compiled by re2js", () => {
  it("skips a pattern re2js cannot compile and says so once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const row = { id: 99, name: "admin.lookahead", description: "", pattern: "foo(?=bar)", severity: "high", action: "alert" };
      expect(toCodeRule(row)).toBeNull();
      expect(toCodeRule({ ...row, id: 100 })).toBeNull();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toContain('"admin.lookahead"');
    } finally {
      warn.mockRestore();
    }
  });

  it("matches in linear time: a pattern that backtracks exponentially elsewhere returns at once", () => {
    const rule = toCodeRule({ id: 101, name: "admin.redos", description: "", pattern: "^(a+)+$", severity: "low", action: "log" })!;
    // A backtracking engine would not finish this within the test's timeout (2^50_000 paths).
    expect(matchCodeRules({ rules: [rule], language: "python", code: `${"a".repeat(50_000)}!` })).toEqual([]);
  });

  it("unknown severities and actions fall back to medium and alert; a name without a language applies to the text as written", () => {
    const rule = toCodeRule({ id: 102, name: "custom_rule", description: "", pattern: "x", severity: "extreme", action: "explode" })!;
    expect(rule).toMatchObject({ severity: "medium", action: "alert", languages: null, view: "text" });
  });
});

describe("the lexer behind the code view", () => {
  it("hides comments and prose strings, keeps word strings, interpolations and line breaks", () => {
    const py = lex("python", 'x = "a b"  # c\ny = f"n {v} m"\nz = "node"\n"""doc\nstring"""\n');
    expect(py.code).toBe('x = "   "     \ny = f"  {v}  "\nz = "    "\n"""   \n      """\n');
    expect(py.codeWithWords).toBe('x = "   "     \ny = f"  {v}  "\nz = "node"\n"""   \n      """\n');
    expect([...py.linesInString]).toEqual([4]);
    const js = lex("javascript", "const a = `x ${b + 'c d'} y`; // z\nconst r = /[(]/g; /* ( */\n");
    expect(js.code).toBe("const a = `  ${b + '   '}  `;     \nconst r = /   /g;        \n");
    const sh = lex("bash", "echo '#x' # y\n");
    expect(sh.code).toBe("echo '#x'    \n");
  });
});
