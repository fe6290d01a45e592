/**
 * What to tell a user whose path a task's permission set does not cover, and
 * the supported ways to run with it.
 *
 * Each task runs under a named permission set of deno.json (`deno run -P=set`),
 * and `deno task NAME ARGS` hands every argument to the script, so a user cannot
 * widen a task's permissions through `deno task`. Deno 2.9 does combine a set
 * with flags given before the script, and a flag replaces the set's list of the
 * same kind (tested in tests/permissions_test.ts): `deno run -P=backtest
 * --allow-read=.,DIR scripts/backtest.ts ARGS` reads the project and DIR, and
 * writes and reaches exactly what the set allows. That is the supported way to
 * read a folder outside the project for one run; for prices, loading them into
 * the store with `deno task ingest` (which may read anywhere) is the other.
 * Writes are never widened: a task writes only where its set says.
 *
 * @module
 */
import { dirname } from "node:path";
import type { AccessRefused } from "../errors.ts";

/** The parts of deno.json this module reads. */
export type TaskConfig = {
  readonly tasks: Readonly<Record<string, string>>;
  readonly permissions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
};

/** How a script was started: its task, permission set and arguments. */
export type Invocation = {
  /** The deno.json task, e.g. `backtest`. */
  readonly task: string;
  /** Its permission set, e.g. `backtest`. */
  readonly set: string;
  /** The script, relative to the project, e.g. `scripts/backtest.ts`. */
  readonly script: string;
  /** The script's arguments (the task's own ones first, then the user's). */
  readonly args: readonly string[];
  /** The set's read list (`true`: anywhere). */
  readonly reads: readonly string[] | true;
  /** The set's write list (`true`: anywhere; empty: nowhere). */
  readonly writes: readonly string[] | true;
};

/** The kinds of path that hold prices `deno task ingest` can load instead. */
const PRICE_FILES = new Set(["CSV file or folder", "CSV folder", "corporate actions"]);

/**
 * The invocation of `script` with `args`: the task running it whose own
 * arguments start `args` (the longest such, so `audit:pg` wins over `audit`
 * when `--postgres` leads); `undefined` when no task runs the script.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { invocationOf } from "./access_hint.ts";
 *
 * const config = {
 *   tasks: { audit: "deno run -P=audit scripts/audit.ts", "audit:pg": "deno run -P=audit-pg scripts/audit.ts --postgres" },
 *   permissions: { audit: { read: ["./results"] }, "audit-pg": { read: ["./results"], net: ["localhost:5432"] } },
 * };
 * assert.equal(invocationOf(config, "scripts/audit.ts", ["--postgres", "health"])?.task, "audit:pg");
 * assert.equal(invocationOf(config, "scripts/audit.ts", ["health"])?.set, "audit");
 * ```
 */
export function invocationOf(
  config: TaskConfig,
  script: string,
  args: readonly string[],
): Invocation | undefined {
  let best: Invocation | undefined;
  let bestFixed = -1;
  for (const [task, command] of Object.entries(config.tasks)) {
    const m = command.match(/^deno run (?:\S+ )*?-P=([\w-]+) (\S+\.ts)((?: [^&|;]+)?)$/);
    if (!m || m[2] !== script) continue;
    const fixed = (m[3] ?? "").trim().split(/\s+/).filter((a) => a !== "");
    if (!fixed.every((a, i) => args[i] === a) || fixed.length <= bestFixed) continue;
    const set = config.permissions[m[1] ?? ""] ?? {};
    bestFixed = fixed.length;
    best = {
      task,
      set: m[1] ?? "",
      script,
      args,
      reads: _list(set.read),
      writes: _list(set.write),
    };
  }
  return best;
}

function _list(value: unknown): readonly string[] | true {
  if (value === true) return true;
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * Quotes an argument for a POSIX shell when it needs it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shellQuote } from "./access_hint.ts";
 *
 * assert.equal(shellQuote("../data/spy.csv"), "../data/spy.csv");
 * assert.equal(shellQuote("Risk Assets,Gold"), "'Risk Assets,Gold'");
 * assert.equal(shellQuote("it's"), "'it'\\''s'");
 * ```
 */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/**
 * The folder to allow for a refused `path`: a file's folder (a name with an
 * extension), a price folder's parent (its `actions/` sibling is read too), any
 * other folder itself.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { folderToAllow } from "./access_hint.ts";
 *
 * assert.equal(folderToAllow("../data/orcl.txt", "CSV file or folder"), "../data");
 * assert.equal(folderToAllow("../data/market", "CSV file or folder"), "../data");
 * assert.equal(folderToAllow("/runs/sma-cross-1", "result file"), "/runs/sma-cross-1");
 * ```
 */
export function folderToAllow(path: string, what: string): string {
  const trimmed = path.replace(/\/+$/, "") || path;
  const isFile = /\.\w+$/.test(trimmed.slice(trimmed.lastIndexOf("/") + 1));
  if (!isFile && !PRICE_FILES.has(what)) return trimmed;
  const parent = dirname(trimmed);
  return parent === "." ? trimmed : parent;
}

/** `deno run -P=set --allow-read=reads,extra script args`, quoted for a shell. */
export function widenedCommand(
  invocation: Invocation,
  extraReads: readonly string[],
  args: readonly string[] = invocation.args,
): string {
  const reads = invocation.reads === true ? [] : [...invocation.reads, ...extraReads];
  return [
    "deno",
    "run",
    `-P=${invocation.set}`,
    ...(reads.length > 0 ? [`--allow-read=${reads.join(",")}`] : []),
    invocation.script,
    ...args,
  ].map(shellQuote).join(" ");
}

/**
 * The lines that follow an {@link AccessRefused} message: what the task's set
 * allows and the supported ways to run with the path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { AccessRefused } from "../errors.ts";
 * import { accessHint, type Invocation } from "./access_hint.ts";
 *
 * const backtest: Invocation = {
 *   task: "backtest", set: "backtest", script: "scripts/backtest.ts",
 *   args: ["--config", "../configs/my.yaml"], reads: ["."], writes: ["./results"],
 * };
 * const lines = accessHint(new AccessRefused("config file", "../configs/my.yaml", "read"), backtest);
 * assert.ok(lines.includes(
 *   "  deno run -P=backtest --allow-read=.,../configs scripts/backtest.ts --config ../configs/my.yaml",
 * ));
 * ```
 */
export function accessHint(error: AccessRefused, invocation: Invocation): string[] {
  const name = `deno task ${invocation.task}`;
  const where = `permission set "${invocation.set}" in deno.json`;
  if (error.access === "write") {
    const writes = invocation.writes === true ? ["anywhere"] : invocation.writes;
    return [
      writes.length === 0
        ? `\`${name}\` writes nowhere (${where}).`
        : `\`${name}\` writes only under ${writes.join(", ")} (${where}): give a path there.`,
    ];
  }
  const reads = invocation.reads === true ? ["anywhere"] : invocation.reads;
  const folder = folderToAllow(error.path, error.what);
  const lines = [
    `\`${name}\` reads only ${reads.join(", ")} (${where}), and \`deno task\` cannot widen it.`,
    `To read ${folder} too for this run (writes and network stay as they are), run the script with the set and that folder:`,
    `  ${widenedCommand(invocation, [folder])}`,
  ];
  if (PRICE_FILES.has(error.what)) lines.push(..._ingestRoute(invocation, error.path));
  return lines;
}

/** The other route for prices: ingest them (ingest may read anywhere), then run on the store. */
function _ingestRoute(invocation: Invocation, refused: string): string[] {
  const args = [...invocation.args];
  let csv = refused;
  const i = args.findIndex((a) => a === "--csv" || a.startsWith("--csv="));
  if (i >= 0) {
    const arg = args[i] ?? "";
    csv = arg.startsWith("--csv=") ? arg.slice("--csv=".length) : args[i + 1] ?? refused;
    args.splice(i, arg.startsWith("--csv=") ? 1 : 2, "--source", "store");
  }
  return [
    "Or load the prices into the price store first (`deno task ingest` may read anywhere), then run on the store:",
    `  deno task ingest --source csv --path ${shellQuote(csv)}`,
    `  ${["deno", "task", invocation.task, ...args].map(shellQuote).join(" ")}`,
  ];
}

/**
 * The problem with a Deno permission flag given after `deno task NAME` (which
 * hands it to the script): the command that does what the user meant, or
 * `undefined` when the arguments hold no such flag.
 */
export function denoFlagProblem(invocation: Invocation): string[] | undefined {
  const flags = invocation.args.filter((a) =>
    /^(--(allow|deny)-[a-z-]+(=.*)?|-A|-P(=.*)?|--permission-set(=.*)?)$/.test(a)
  );
  if (flags.length === 0) return undefined;
  const rest = invocation.args.filter((a) => !flags.includes(a));
  const reads = flags.flatMap((f) => f.match(/^--allow-read=(.+)$/)?.[1]?.split(",") ?? []);
  const lines = [
    `${flags.join(" ")}: \`deno task ${invocation.task}\` hands this to the script, not to Deno; ` +
    `the task's permissions are its set "${invocation.set}" in deno.json.`,
  ];
  if (reads.length > 0) {
    lines.push(
      "To read more for this run (writes and network stay as they are), run the script with the set:",
      `  ${widenedCommand(invocation, reads, rest)}`,
    );
  } else {
    lines.push(
      "Only reads may be widened for one run: --allow-read=DIR before the script, as in",
      `  ${widenedCommand(invocation, ["DIR"], rest)}`,
    );
  }
  return lines;
}
