/**
 * End-to-end benchmark of the full regime-aware pipeline: `deno task backtest`
 * with every module on (regime detection from market proxies, the scanner,
 * scoring, sizing with bucket limits, every protection rule, the audit log
 * and the report), rebalancing weekly, on generated price stores of 100 and
 * 500 assets x 5,000 days.
 *
 * The generated tickers must mean something to the pipeline: the first ones
 * are named after the regime proxies (SPY, TLT, IEF, TIP, HYG, XLY, XLI, XLP,
 * XLU, XLE, DBC, GLD; see lib/market/regime_options.ts), the rest `P000`...,
 * and a config file written beside the store puts every generated ticker in
 * one of the buckets (round robin over the engine's bucket names, on top of
 * the default bucket map), so the regime's buckets hold candidates.
 *
 * Goal (issue 5): 100 x 5,000 under 1 s, 500 x 5,000 under 4 s.
 *
 * Usage: deno run -P=bench scripts/bench_pipeline.ts [--runs N] [--sizes 100,500]
 *
 * @module
 */
import { join } from "node:path";
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { InputError } from "../lib/errors.ts";
import { BUCKET_NAMES, DEFAULT_BUCKETS } from "../lib/market/buckets.ts";
import { median, timeProcess } from "./bench_process.ts";
import { ensureStore } from "./bench_store.ts";

const DAYS = 5_000;
const dir = "results/bench";
const USAGE = `Usage: deno run -P=bench scripts/bench_pipeline.ts [--runs N] [--sizes 100,500]

Times whole \`deno task backtest\` processes of the regime-aware pipeline (every module, audit
and report on, weekly rebalancing) on generated stores of N assets x ${DAYS} days (built, with
their config files, under ${dir}/ on first use). Goal: 100 assets under 1 s, 500 under 4 s.

  --runs N          processes per size (default 3; the median and the best are shown)
  --sizes A,B       asset counts (default 100,500; at least 12, the regime proxies)
  --help, -h        this help`;

const PROXIES = [
  "SPY",
  "TLT",
  "IEF",
  "TIP",
  "HYG",
  "XLY",
  "XLI",
  "XLP",
  "XLU",
  "XLE",
  "DBC",
  "GLD",
];

/** The generated tickers of a store of `assets` assets: the proxies first. */
export function pipelineTickers(assets: number): string[] {
  return Array.from(
    { length: assets },
    (_, i) => PROXIES[i] ?? `P${String(i - PROXIES.length).padStart(3, "0")}`,
  );
}

/** The default bucket map with each generated ticker added to one bucket, round robin. */
export function pipelineBuckets(tickers: readonly string[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const [name, list] of Object.entries(DEFAULT_BUCKETS)) map[name] = [...list];
  tickers.forEach((ticker, i) => {
    const bucket = BUCKET_NAMES[i % BUCKET_NAMES.length] as string;
    const list = map[bucket] ??= [];
    if (!list.includes(ticker)) list.push(ticker);
  });
  return map;
}

await runScript(async () => {
  const { values } = parseFlags(Deno.args, {
    runs: { type: "string" },
    sizes: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs ?? 3);
  const sizes = String(values.sizes ?? "100,500").split(",").map(Number);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new InputError(`--runs must be a whole number >= 1: got "${values.runs}"`);
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < PROXIES.length)) {
    throw new InputError(
      `--sizes must list whole numbers >= ${PROXIES.length}: got "${values.sizes}"`,
    );
  }
  await Deno.mkdir(dir, { recursive: true });
  console.log(
    `\nend-to-end regime-aware pipeline (every module, audit and report on, weekly), ${runs} runs each (load ${
      Deno.loadavg().map((x) => x.toFixed(2)).join(" ")
    })`,
  );
  for (const assets of sizes) {
    const tickers = pipelineTickers(assets);
    const store = join(dir, `pipeline_${assets}x${DAYS}.db`);
    await ensureStore(store, assets, DAYS, tickers);
    const config = join(dir, `pipeline_${assets}x${DAYS}.json`);
    await Deno.writeTextFile(
      config,
      JSON.stringify(
        {
          data: { source: "store", store },
          rebalance: { frequency: "weekly" },
          run: { cash: 10_000_000 },
          audit: { enabled: true },
          report: { enabled: true },
          buckets: { map: pipelineBuckets(tickers) },
          output: { dir: `${dir}/out` },
        },
        null,
        2,
      ) + "\n",
    );
    const samples = [];
    for (let i = 0; i < runs; i++) {
      samples.push(
        await timeProcess([
          "run",
          "--quiet",
          "-P=backtest",
          "scripts/backtest.ts",
          "--config",
          config,
        ]),
      );
    }
    const fills = /fills (\d+)/.exec(samples[0]?.stdout ?? "")?.[1] ?? "?";
    const wall = median(samples.map((s) => s.seconds));
    const best = Math.min(...samples.map((s) => s.seconds));
    const cpu = median(samples.map((s) => s.cpuSeconds));
    const peak = Math.max(...samples.map((s) => s.peakMb));
    console.log(
      `${assets} x ${DAYS}: wall ${wall.toFixed(3)} s (best ${best.toFixed(3)}), cpu ${
        cpu.toFixed(3)
      } s, peak ${peak.toFixed(0)} MB, ${fills} fills, ${
        (assets * DAYS / wall / 1e6).toFixed(2)
      }M asset-days/s`,
    );
  }
});
