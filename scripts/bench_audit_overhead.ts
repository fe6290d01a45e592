/**
 * What full auditing costs a real run: the default `deno task backtest` (the
 * regime-aware strategy on the bundled fixtures, or what the flags and
 * `--config` say) timed in one process with the audit log on (a fresh SQLite
 * event store) and off, alternating, after a warm-up of each. Two spans:
 *
 * - run: the audit store opened, the run, the log finished and the store closed;
 * - backtest: what the script does after validating the config, as
 *   `deno task backtest` does it: load the market, prepare, open the store,
 *   run, finish the log, write result.json (and report.html when the config
 *   asks for it);
 * - process: whole `deno task backtest` processes (`--audit` / `--no-audit`,
 *   with this script's config flags), start-up included: what a user waits
 *   for, with every module loaded and compiled cold.
 *
 * Prints, for each span, the median and the best of the wall times and the
 * overhead of auditing on each; on a shared machine the best is the figure
 * least disturbed by other work.
 *
 * Goal (issue 4): auditing makes a backtest no more than 15% slower.
 *
 * Usage: deno run -P=bench scripts/bench_audit_overhead.ts [--runs N] [--config FILE] [config flags]
 *
 * @module
 */
import { join } from "node:path";
import { runScript } from "../lib/cli/run_script.ts";
import { InputError } from "../lib/errors.ts";
import { parseConfigFlags } from "../lib/config/flags.ts";
import { mergeLayers, readConfigFile, validateConfig } from "../lib/config/load.ts";
import type { Config } from "../lib/config/schema.ts";
import { loadMarket } from "../lib/data/load_market.ts";
import { resolveStrategy } from "../lib/run/strategy_source.ts";
import { executeRun, type PreparedRun, prepareRun } from "../lib/run/run_from_config.ts";
import { openRunAudit } from "../lib/run/run_audit.ts";
import { resultJsonPieces, writeFilesAtomically } from "../lib/run/write_results.ts";
import { buildReport } from "../lib/report/build_report.ts";
import { median, timeProcess } from "./bench_process.ts";

const dir = "results/bench/audit_overhead";

const USAGE =
  `Usage: deno run -P=bench scripts/bench_audit_overhead.ts [--runs N] [--config FILE] [config flags]

Times the default backtest (or the one the config file and flags describe) with the audit log on
and off, alternating: the run alone and the backtest in this process, then whole
\`deno task backtest\` processes. Goal: auditing makes a backtest at most 15% slower.

  --runs N          repetitions of each (default 7; the median and the best are shown)
  --config FILE     a YAML or JSON config file, as the backtest reads it
  --help, -h        this help`;

function _load(config: Config) {
  return loadMarket({
    source: config.data.source,
    csv: config.data.csv,
    store: config.data.store,
    fixturesDir: config.data.fixturesDir,
    tickers: config.data.tickers,
  });
}

/** The run span: audit store opened (when on) to closed. */
async function timedRun(run: PreparedRun, audited: boolean): Promise<number> {
  const started = performance.now();
  const audit = audited
    ? await openRunAudit({ store: "sqlite", path: join(dir, "run", "audit.db") }, run, "bench")
    : undefined;
  const result = await executeRun(run, { startedAt: "", codeVersion: "bench", audit: audit?.log });
  await audit?.finish(result.period.end);
  return performance.now() - started;
}

/** The backtest span: from a validated config to the files written. */
async function timedBacktest(config: Config, audited: boolean): Promise<number> {
  const started = performance.now();
  const market = await _load(config);
  const run = prepareRun(config, market, await resolveStrategy(config.strategy.name));
  const folder = join(dir, "backtest");
  const audit = audited
    ? await openRunAudit({ store: "sqlite", path: join(folder, "audit.db") }, run, "bench")
    : undefined;
  const result = await executeRun(run, { startedAt: "", codeVersion: "bench", audit: audit?.log });
  await audit?.finish(result.period.end);
  const files = {
    "result.json": resultJsonPieces(result),
    ...(config.report.enabled
      ? { "report.html": buildReport(result, { logScale: config.report.logScale }) }
      : {}),
  };
  await writeFilesAtomically(folder, files);
  return performance.now() - started;
}

async function _eventCount(path: string): Promise<number> {
  const { DatabaseSync } = await import("node:sqlite");
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return Number(db.prepare("SELECT count(*) AS n FROM portfolio_events").get()?.n ?? 0);
  } finally {
    db.close();
  }
}

function _line(span: string, off: number[], on: number[], events: number): string {
  const [mOff, mOn] = [median(off), median(on)];
  const [bOff, bOn] = [Math.min(...off), Math.min(...on)];
  const pct = (a: number, b: number) => `${b >= a ? "+" : ""}${((b / a - 1) * 100).toFixed(1)}%`;
  return `${span}: no audit ${mOff.toFixed(1)} ms, audit ${mOn.toFixed(1)} ms (median, ${
    pct(mOff, mOn)
  }); best ${bOff.toFixed(1)} vs ${bOn.toFixed(1)} ms (${pct(bOff, bOn)}); ${
    ((mOn - mOff) * 1000 / Math.max(1, events)).toFixed(2)
  } µs an event`;
}

await runScript(async () => {
  if (Deno.args.includes("--help") || Deno.args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const { layer, extra } = parseConfigFlags(Deno.args, {
    runs: { type: "string" },
    config: { type: "string" },
  });
  const runs = Number(extra.runs ?? 7);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new InputError(`--runs must be a whole number >= 1: got "${extra.runs}"`);
  }
  const configPath = extra.config as string | undefined;
  const fileLayer = configPath ? await readConfigFile(configPath) : {};
  const config = validateConfig(mergeLayers(fileLayer, layer), configPath ?? "flags");
  const market = await _load(config);
  const run = prepareRun(config, market, await resolveStrategy(config.strategy.name));
  await Deno.mkdir(dir, { recursive: true });
  // Warm-up: one of each, so both are timed with compiled code.
  for (const audited of [false, true]) {
    await timedRun(run, audited);
    await timedBacktest(config, audited);
  }
  const runOff: number[] = [], runOn: number[] = [];
  const btOff: number[] = [], btOn: number[] = [];
  for (let i = 0; i < runs; i++) {
    runOff.push(await timedRun(run, false));
    runOn.push(await timedRun(run, true));
    btOff.push(await timedBacktest(config, false));
    btOn.push(await timedBacktest(config, true));
  }
  const procOff: number[] = [], procOn: number[] = [];
  const taskArgs = Deno.args.filter((a, i) =>
    !a.startsWith("--runs") && !(i > 0 && Deno.args[i - 1] === "--runs")
  );
  const task = ["run", "--quiet", "-P=backtest", "scripts/backtest.ts", ...taskArgs];
  const out = `--results-dir=${dir}/process`;
  for (let i = 0; i < runs; i++) {
    procOff.push((await timeProcess([...task, "--no-audit", out])).seconds * 1000);
    procOn.push((await timeProcess([...task, "--audit", out])).seconds * 1000);
  }
  const events = await _eventCount(join(dir, "run", "audit.db"));
  console.log(
    `\naudit overhead: ${run.strategyName} on ${market.source}, ${run.start} to ${run.end}, ${events} events, ${runs} runs each (load ${
      Deno.loadavg().map((x) => x.toFixed(2)).join(" ")
    })`,
  );
  console.log(_line("run", runOff, runOn, events));
  console.log(_line("backtest", btOff, btOn, events));
  console.log(_line("process", procOff, procOn, events));
});
