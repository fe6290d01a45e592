/**
 * `deno task audit`: investigate the audit trail.
 *
 *     deno task audit timeline AAPL --days 30
 *     deno task audit why AAPL 2021-03-01
 *     deno task audit health
 *     deno task audit sessions [--limit 20]
 *     deno task audit sql "SELECT ..."
 *     deno task audit exposure
 *
 * Flags: `--store PATH` (default the latest run's `audit.db`, the run that
 * `results/latest` names; opened read-only) or
 * `--store postgres://...`, or `--postgres` (connection from `DATABASE_URL` or
 * `DB_HOST`...), `--schema NAME` (PostgreSQL namespace, default `audit`),
 * `--run ID` (default the latest run), `--json`, `--help`. Bad input exits 2.
 *
 * @module
 */
import { parseFlags } from "../lib/cli/args.ts";
import { LATEST_RUN_POINTER, latestRun } from "../lib/run/latest_run.ts";
import { isWalkForwardFolder, latestAuditLog } from "../lib/run/latest_audit_log.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { InputError } from "../lib/errors.ts";
import {
  type AuditReader,
  databaseUrlFromEnv,
  type EnvReader,
  openAuditReader,
} from "../lib/audit/mod.ts";
import { cashFromAudit } from "../lib/run/cash_from_audit.ts";
import { cashLines, exposureText } from "../lib/run/cash_text.ts";
import { summarizeCash } from "../lib/portfolio/cash_causes.ts";
import {
  healthText,
  sessionsText,
  sqlText,
  timelineText,
  whyText,
} from "../lib/audit/report_text.ts";

const USAGE = `usage: deno task audit <command> [arguments] [flags]

commands:
  timeline ASSET [--days N]   the asset's events over the last N days (default 30) of market time
  why ASSET YYYY-MM-DD        the chain behind the asset's position change that day
  health                      runs, incomplete runs, protection activity
  sessions [--limit N]        the latest sessions (default 20) and incomplete runs
  sql "SELECT ..."            one read-only statement (SELECT, WITH, EXPLAIN)
  exposure                    where the weight the rebalances left un-invested went, by cause
                              and regime (the regime-aware strategy's cash attribution)

flags:
  --store PATH|URL   SQLite file or postgres:// URL (default: the audit.db of the latest run,
                     the folder named in results/latest, which every deno task backtest writes;
                     the run read is named on stderr)
  --postgres         PostgreSQL from DATABASE_URL or DB_HOST/DB_PORT/DB_NAME/DB_USER/DB_PASSWORD
  --schema NAME      PostgreSQL schema holding the store (default audit)
  --run ID           the run to look at (default the latest)
  --json             print JSON
  --help             this text`;

const FLAGS = {
  store: { type: "string" },
  postgres: { type: "boolean" },
  schema: { type: "string" },
  run: { type: "string" },
  days: { type: "string" },
  limit: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function _count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    throw new InputError(`--${name} must be a whole number >= 0: got "${text}"`);
  }
  return n;
}

function _positionals(
  command: string,
  args: readonly string[],
  names: readonly string[],
): string[] {
  if (args.length !== names.length) {
    throw new InputError(
      `${command} takes ${names.length === 0 ? "no arguments" : names.join(" ")}: got ${
        args.length === 0 ? "none" : args.join(" ")
      }`,
    );
  }
  return [...args];
}

async function _reader(
  values: { store?: string; postgres?: boolean; schema?: string },
  env: EnvReader,
  options: AuditOptions,
): Promise<AuditReader> {
  const schema = values.schema ?? "audit";
  if (values.postgres === true) {
    const url = databaseUrlFromEnv(env);
    if (url === null) throw new InputError("--postgres: neither DATABASE_URL nor DB_HOST is set");
    await _noteWalkForward(options);
    return await openAuditReader({ kind: "postgres", url, schema });
  }
  let store = values.store;
  if (store === undefined) {
    const pointer = options.latest ?? LATEST_RUN_POINTER;
    store = await latestAuditLog(pointer);
    (options.note ?? console.error)(`audit: reading ${store} (the latest run, from ${pointer})`);
  }
  if (/^postgres(ql)?:\/\//.test(store)) {
    return await openAuditReader({ kind: "postgres", url: store, schema });
  }
  return await openAuditReader({ kind: "sqlite", path: store });
}

/**
 * With `--postgres`: when the latest result is a walk-forward (which keeps no
 * audit log), says so, since the run read is the store's latest instead.
 */
async function _noteWalkForward(options: AuditOptions): Promise<void> {
  const pointer = options.latest ?? LATEST_RUN_POINTER;
  const folder = await latestRun(pointer).catch(() => undefined);
  if (folder === undefined || !(await isWalkForwardFolder(folder).catch(() => false))) return;
  (options.note ?? console.error)(
    `audit: the latest result, ${folder}, is a walk-forward, which keeps no audit log; reading the runs of the PostgreSQL store`,
  );
}

/** Where notes go and where the latest run is named (tests give their own). */
export type AuditOptions = {
  /** Prints a note (which run was read); stderr by default, so --json stdout stays clean. */
  readonly note?: (line: string) => void;
  /** The pointer to the latest run (default `results/latest`). */
  readonly latest?: string;
};

/** Runs the audit command line `args`, printing results through `print`. */
export async function audit(
  args: readonly string[],
  print: (line: string) => void,
  env: EnvReader,
  options: AuditOptions = {},
): Promise<void> {
  const { values, positionals } = parseFlags(args, FLAGS, true);
  const [command, ...rest] = positionals;
  if (values.help === true || command === undefined) {
    if (command === undefined && values.help !== true) {
      throw new InputError(`no command given\n${USAGE}`);
    }
    print(USAGE);
    return;
  }
  if (!["timeline", "why", "health", "sessions", "sql", "exposure"].includes(command)) {
    throw new InputError(
      `unknown command "${command}" (use timeline, why, health, sessions, sql or exposure; --help for more)`,
    );
  }
  const run = values.run === undefined ? {} : { runId: values.run };
  const days = _count("days", values.days, 30);
  const limit = _count("limit", values.limit, 20);
  const args1 = command === "timeline"
    ? _positionals(command, rest, ["ASSET"])
    : command === "why"
    ? _positionals(command, rest, ["ASSET", "DATE"])
    : command === "sql"
    ? _positionals(command, rest, ["STATEMENT"])
    : _positionals(command, rest, []);
  const reader = await _reader(values, env, options);
  try {
    const out = (json: unknown, text: () => string[]) => {
      if (values.json === true) print(JSON.stringify(json, null, 2));
      else for (const line of text()) print(line);
    };
    const [a = "", b = ""] = args1;
    if (command === "timeline") {
      const rows = await reader.timeline(a, { ...run, days });
      out(rows, () => timelineText(a, days, rows));
    } else if (command === "why") {
      const chain = await reader.why(a, b, run);
      out(chain, () => whyText(chain));
    } else if (command === "health") {
      const health = await reader.health();
      out(health, () => healthText(health));
    } else if (command === "sessions") {
      const [runs, sessions] = [await reader.runs(), await reader.sessions(limit)];
      out(
        { incompleteRuns: runs.filter((r) => !r.complete), sessions },
        () => sessionsText(runs, sessions),
      );
    } else if (command === "exposure") {
      const cash = await cashFromAudit(reader, values.run);
      const summary = summarizeCash(cash.rebalances);
      out(
        { runId: cash.runId, summary, unbucketed: cash.unbucketed, rebalances: cash.rebalances },
        () => [
          `run ${cash.runId}`,
          ...(cash.rebalances.length === 0
            ? [
              "no cash attribution recorded (a run of another strategy, or of a version before it)",
            ]
            : exposureText(summary)),
          ...cashLines(undefined, cash.unbucketed),
        ],
      );
    } else {
      const result = await reader.sql(a);
      out(result, () => sqlText(result));
    }
  } finally {
    await reader.close();
  }
}

if (import.meta.main) {
  runScript(() => audit(Deno.args, console.log, (name) => Deno.env.get(name)));
}
