// Names the run diagnosis knows without looking at the program: each language's standard
// modules (a missing import it can add) and built-in names (what a misspelling was meant to be).

/** Python's standard library (sys.stdlib_module_names of 3.11, public top-level modules). */
export const PYTHON_STDLIB = new Set(
  (
    "abc argparse array ast asyncio atexit base64 bdb binascii bisect builtins bz2 calendar cmath cmd code codecs codeop collections colorsys " +
    "compileall concurrent configparser contextlib contextvars copy copyreg csv ctypes curses dataclasses datetime dbm decimal difflib dis " +
    "doctest email encodings enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc getopt getpass gettext glob " +
    "graphlib grp gzip hashlib heapq hmac html http imaplib importlib inspect io ipaddress itertools json keyword linecache locale logging lzma " +
    "mailbox marshal math mimetypes mmap modulefinder multiprocessing netrc numbers operator optparse os pathlib pdb pickle pickletools pkgutil " +
    "platform plistlib poplib posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc queue quopri random re readline reprlib resource " +
    "rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib socket socketserver sqlite3 ssl stat statistics " +
    "string stringprep struct subprocess symtable sys sysconfig syslog tabnanny tarfile tempfile termios textwrap threading time timeit tkinter " +
    "token tokenize tomllib trace traceback tracemalloc tty turtle types typing unicodedata unittest urllib uuid venv warnings wave weakref " +
    "webbrowser wsgiref xml xmlrpc zipapp zipfile zipimport zlib zoneinfo"
  ).split(" "),
);

/** Names usually imported from a standard module rather than the module itself. */
export const PYTHON_SYMBOLS: Record<string, string> = {
  defaultdict: "collections",
  Counter: "collections",
  OrderedDict: "collections",
  deque: "collections",
  namedtuple: "collections",
  dataclass: "dataclasses",
  field: "dataclasses",
  reduce: "functools",
  partial: "functools",
  lru_cache: "functools",
  cache: "functools",
  wraps: "functools",
  Path: "pathlib",
  pprint: "pprint",
  Enum: "enum",
  Decimal: "decimal",
  Fraction: "fractions",
  List: "typing",
  Dict: "typing",
  Set: "typing",
  Tuple: "typing",
  Optional: "typing",
  Union: "typing",
  Any: "typing",
  Callable: "typing",
  Iterable: "typing",
  Iterator: "typing",
  sqrt: "math",
  floor: "math",
  ceil: "math",
  pi: "math",
  randint: "random",
  choice: "random",
  shuffle: "random",
  sleep: "time",
  perf_counter: "time",
  permutations: "itertools",
  combinations: "itertools",
  product: "itertools",
  chain: "itertools",
  heappush: "heapq",
  heappop: "heapq",
};

export const PYTHON_BUILTINS = (
  "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError ChildProcessError ConnectionError " +
  "EOFError Ellipsis Exception False FileExistsError FileNotFoundError FloatingPointError GeneratorExit ImportError IndentationError IndexError " +
  "IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented " +
  "NotImplementedError OSError OverflowError PermissionError RecursionError ReferenceError RuntimeError StopIteration SyntaxError SystemError " +
  "SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError ValueError Warning " +
  "ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir " +
  "divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter " +
  "len list locals map max memoryview min next object oct open ord pow print property quit range repr reversed round set setattr slice sorted " +
  "staticmethod str sum super tuple type vars zip self cls"
).split(" ");

export const PYTHON_KEYWORDS = new Set(
  "and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case".split(
    " ",
  ),
);

/** Node's built-in modules a program may use by name (child_process and vm are left to the person: Hunter flags them). */
export const NODE_MODULES = new Set(
  "assert async_hooks buffer cluster crypto dgram dns events fs http http2 https net os path perf_hooks querystring readline stream string_decoder timers tls tty url util v8 worker_threads zlib".split(
    " ",
  ),
);

/** Names usually imported from a built-in module (`const { readFileSync } = require("node:fs")`). */
export const NODE_SYMBOLS: Record<string, string> = {
  readFileSync: "fs",
  writeFileSync: "fs",
  appendFileSync: "fs",
  existsSync: "fs",
  readdirSync: "fs",
  mkdirSync: "fs",
  statSync: "fs",
  readFile: "fs/promises",
  writeFile: "fs/promises",
  promisify: "util",
  inspect: "util",
  format: "util",
  randomUUID: "crypto",
  randomBytes: "crypto",
  randomInt: "crypto",
  createHash: "crypto",
  EventEmitter: "events",
  createInterface: "readline",
  basename: "path",
  dirname: "path",
  extname: "path",
  fileURLToPath: "url",
};

export const JS_GLOBALS = (
  "Object Function Array Number parseFloat parseInt Infinity NaN undefined Boolean String Symbol Date Promise RegExp Error AggregateError " +
  "EvalError RangeError ReferenceError SyntaxError TypeError URIError globalThis JSON Math Intl ArrayBuffer Uint8Array Int8Array Uint16Array " +
  "Int16Array Uint32Array Int32Array Float32Array Float64Array DataView Map BigInt Set WeakMap WeakSet Proxy Reflect WeakRef decodeURI " +
  "decodeURIComponent encodeURI encodeURIComponent isFinite isNaN console process global Buffer clearImmediate setImmediate URL URLSearchParams " +
  "AbortController AbortSignal Event EventTarget TextEncoder TextDecoder clearInterval clearTimeout setInterval setTimeout queueMicrotask " +
  "structuredClone atob btoa performance fetch Headers Request Response crypto module exports require __dirname __filename this arguments"
).split(" ");

export const JS_KEYWORDS = new Set(
  "await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof let new null of return static super switch this throw true try typeof var void while with yield async get set from as type interface implements declare readonly private public protected abstract namespace keyof".split(
    " ",
  ),
);

/** Bash builtins and the commands every system has: what a mistyped command was likely meant to be. */
export const BASH_COMMANDS = (
  "alias bg bind break builtin caller cd command compgen complete continue declare dirs disown echo enable eval exec exit export false fc fg " +
  "getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift shopt source " +
  "suspend test times trap true type typeset ulimit umask unalias unset wait awk basename cat chmod cp cut date dirname du env expr find grep " +
  "head ls mkdir mktemp mv nl od paste rev rm rmdir sed seq sleep sort stat tail tee touch tr uniq wc xargs yes python3 node"
).split(" ");
