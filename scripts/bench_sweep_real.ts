/**
 * Benchmark of a sweep at scale (issue 10, part 5): the regime-aware strategy
 * on the real tickers of `../shared/data/market` (beside the project, not
 * part of it) over the last 18 years of the data, a random 1,000 of
 * the same 3,375 sizing and protection combinations as scripts/bench_sweep.ts,
 * every run stored in a SQLite sweep store, on worker threads. The issue
 * quotes backtrader at about two hours on one core for such a grid.
 *
 * First the CSV files are ingested into a price store under results/bench/
 * (as `deno task ingest --source csv` would, timed apart), then the sweep
 * runs in a process of its own so that its peak memory is its own.
 * Reported: wall time, runs per second, CPU per run (all threads), peak and
 * sampled resident memory. It reports nothing about which parameters do
 * well: choosing them is research with its own in-sample rules.
 *
 * Skips with a message where ../shared/data/market is absent.
 *
 * Usage: deno run -P=bench scripts/bench_sweep_real.ts [--runs N] [--workers N] [--json]
 *
 * @module
 */
import { join } from "node:path";
import { parseFlags } from "../lib/cli/args.ts";
import { runScript } from "../lib/cli/run_script.ts";
import type { ConfigLayer } from "../lib/config/layers.ts";
import { ingest } from "../lib/data/ingest.ts";
import { InputError } from "../lib/errors.ts";
import { benchOnce, type SweepBench } from "./bench_sweep.ts";

const MARKET = new URL("../../shared/data/market", import.meta.url).pathname;
const STORE = "results/bench/real-market.db";
/** The years swept, back from the data's last day. */
const YEARS = 18;

const USAGE =
  `Usage: deno run -P=bench scripts/bench_sweep_real.ts [--runs N] [--workers N] [--json]

Ingests the tickers of ../shared/data/market into ${STORE}, then sweeps the regime-aware
strategy over the last ${YEARS} years of the data on a random N (default 1,000) of the 3,375
sizing and protection combinations of bench_sweep.ts. Skips where ../shared is absent.

  --runs N        runs (default 1000)
  --workers N     worker threads (default: one per core)
  --json          one JSON object instead of the lines
  --help, -h      this help`;

/** The span swept: the last {@link YEARS} years to the latest day of any ingested series. */
function spanOf(series: readonly { readonly last: string }[]): { start: string; end: string } {
  const end = series.map((s) => s.last.slice(0, 10)).reduce((a, b) => (a > b ? a : b));
  return { start: `${Number(end.slice(0, 4)) - YEARS}${end.slice(4)}`, end };
}

/** The base config of the sweep: the ingested store over the span. */
function layersOf(span: { start: string; end: string }): ConfigLayer[] {
  return [{
    kind: "file",
    name: "bench-real",
    values: { data: { source: "store", store: STORE }, run: { ...span } },
  }];
}

if (import.meta.main) {
  await runScript(async () => {
    const { values } = parseFlags(Deno.args, {
      runs: { type: "string" },
      workers: { type: "string" },
      json: { type: "boolean" },
      child: { type: "boolean" },
      start: { type: "string" },
      end: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      console.log(USAGE);
      return;
    }
    const runs = Number(values.runs ?? 1000);
    const workers = Number(values.workers ?? navigator.hardwareConcurrency);
    if (!Number.isInteger(runs) || runs < 1 || runs > 3375) {
      throw new InputError(`--runs: a whole number from 1 to 3375, got ${values.runs}`);
    }
    if (!Number.isInteger(workers) || workers < 0) {
      throw new InputError(`--workers: a whole number >= 0, got ${values.workers}`);
    }
    if (values.child) {
      const span = { start: String(values.start), end: String(values.end) };
      console.log(JSON.stringify(await benchOnce(runs, workers, true, layersOf(span))));
      return;
    }
    if (!await Deno.stat(MARKET).then(() => true, () => false)) {
      console.log(
        "bench_sweep_real skipped: ../shared/data/market (the real prices beside the project) is absent",
      );
      return;
    }
    const t0 = performance.now();
    const report = await ingest({ source: "csv", path: MARKET, storePath: STORE });
    const ingestSeconds = (performance.now() - t0) / 1000;
    const span = spanOf(report.series);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-P=bench",
        new URL(import.meta.url).pathname,
        "--child",
        "--runs",
        String(runs),
        "--workers",
        String(workers),
        "--start",
        span.start,
        "--end",
        span.end,
      ],
      stdout: "piped",
      stderr: "inherit",
    }).output();
    if (out.code !== 0) throw new Error(`the ${runs}-run sweep failed (exit ${out.code})`);
    const bench: SweepBench = JSON.parse(new TextDecoder().decode(out.stdout));
    const summary = {
      tickers: report.series.length,
      ...span,
      store: join(STORE),
      ingestSeconds,
      ...bench,
    };
    if (values.json) {
      console.log(JSON.stringify(summary));
      return;
    }
    console.log(
      `sweep of the regime-aware strategy on ${summary.tickers} real tickers, ${span.start} to ${span.end}, ${workers} workers, load ${
        Deno.loadavg()[0]?.toFixed(1)
      }:`,
    );
    console.log(`  ingest of the CSV files into ${STORE}: ${ingestSeconds.toFixed(1)} s`);
    console.log(
      `  ${bench.runs} runs: ${bench.seconds.toFixed(1)} s (${
        bench.runsPerSecond.toFixed(2)
      } runs/s; prepare ${bench.prepareSeconds.toFixed(1)} s), ${
        (bench.cpuPerRun * 1000).toFixed(0)
      } ms CPU a run, peak ${bench.peakMb} MB (RSS by tenths of the runs: ${
        bench.rssMb.join(" ")
      } MB)`,
    );
  });
}
