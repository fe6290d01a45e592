/**
 * `deno task report [RESULT.json|RUN_DIR]`: rebuilds the HTML report of a run
 * from its result file, beside it as `report.html` (or where `--out` says).
 * Without a path: the latest run, the folder `results/latest` names.
 *
 * Exit 0 with a one-line summary, 2 on bad input (missing file, not JSON,
 * not a result, another result version, bad flags) with one clear line and
 * nothing written, 1 on a bug. Permissions: read the result, write the report
 * (the chart library comes with the module graph, not from a file read).
 *
 * @module
 */
import { dirname, join } from "node:path";
import { parseFlags } from "../lib/cli/args.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { accessProblem, InputError } from "../lib/errors.ts";
import { LATEST_RUN_POINTER, latestRun } from "../lib/run/latest_run.ts";
import { isWalkForwardFolder } from "../lib/run/latest_audit_log.ts";
import { readRunResult } from "../lib/report/read_run_result.ts";
import { writeReport } from "../lib/report/mod.ts";

const USAGE = `Usage: deno task report [RESULT.json|RUN_DIR] [--out FILE]

Rebuilds the self-contained HTML report of a run from its result file
(results/<run>/result.json, or the run's folder), offline. Without a path it
reads the latest run: the folder named in results/latest, which every
deno task backtest (or deno task walkforward: its stitched out-of-sample run) writes
(the run read is named on stderr).

Options:
  --out FILE   where to write the report (default: report.html beside the result)
  --json       print the summary as JSON
  --help       show this help
`;

const FLAGS = {
  out: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** Where the result is: the path given, or `result.json` inside it when it is a folder. */
async function _resultPath(path: string): Promise<string> {
  const info = await Deno.stat(path).catch(() => null);
  return info?.isDirectory ? join(path, "result.json") : path;
}

/**
 * Runs the report command with its arguments; throws {@link InputError} on bad
 * input. `latest` is the pointer to the latest run (tests give their own).
 */
export async function main(
  args: readonly string[],
  latest: string = LATEST_RUN_POINTER,
): Promise<void> {
  const { values, positionals } = parseFlags(args, FLAGS, true);
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) {
    throw new InputError(
      `expected one result file or run folder, got ${positionals.join(" ")} (see --help)`,
    );
  }
  let given = positionals[0];
  if (given === undefined) {
    given = await latestRun(latest);
    const what = await isWalkForwardFolder(given)
      ? "the latest result, a walk-forward's stitched out-of-sample run"
      : "the latest run";
    console.error(`report: reading ${given} (${what}, from ${latest})`);
  }
  const source = await _resultPath(given);
  const result = await readRunResult(source);
  const out = values.out ?? join(dirname(source), "report.html");
  const written = await writeReport(out, result).catch((error: unknown) => {
    const refused = accessProblem(error, "report", out, "write");
    if (refused) throw refused;
    if (error instanceof Deno.errors.NotFound) {
      throw new InputError(`--out ${out}: cannot write the report there (${error.message})`, {
        cause: error,
      });
    }
    throw error;
  });
  if (values.json) {
    console.log(JSON.stringify({
      path: written.path,
      bytes: written.bytes,
      start: result.period.start,
      end: result.period.end,
      trades: result.trades.length,
    }));
    return;
  }
  const megabytes = (written.bytes / 1_048_576).toFixed(2);
  console.log(
    `report written: ${written.path} (${megabytes} MB; ${result.period.start} to ${result.period.end}, ${result.trades.length} trades)`,
  );
}

if (import.meta.main) await runScript(() => main(Deno.args));
