/**
 * End-to-end benchmark of `deno task backtest`: a whole process (start, load
 * from the price store, equal-weight monthly rebalance with a 0.1% commission,
 * metrics, result written) on generated data, 100 and 500 assets x 5,000
 * days. Each size runs as the plain engine (`--no-audit --no-report`), with
 * the audit log (`--audit`), and as the task runs by default (audit and
 * report as the config says), and as the engine alone in a lean process
 * (bench_engine_run.ts: store, Panel, run, metrics). Prints wall time (median and best), CPU time
 * (user + system, median: steadier than wall time on a shared machine), peak
 * memory (maximum resident set) and throughput in asset-days (backtrader's
 * bars: one bar of one data feed) and days (engine steps) a second.
 *
 * Goal (issue 2): 500 x 5,000 under 0.3 s wall and 200 MB. Goals (issue 13):
 * the audit log costs at most 15% of the whole process at 500 x 5,000, and
 * the task as it runs by default (audit and report) takes under 1 s; each
 * variant's line says what it adds to the plain task (wall and CPU medians).
 *
 * Usage: deno task bench (runs this after `deno bench`), or
 *        deno run -P=bench scripts/bench_backtest.ts [--runs N] [--sizes 100,500]
 *
 * @module
 */
import { join } from "node:path";
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { startProgress } from "../lib/cli/progress.ts";
import { InputError } from "../lib/errors.ts";
import { median, timeProcess } from "./bench_process.ts";
import { ensureStore } from "./bench_store.ts";

const DAYS = 5_000;
const dir = "results/bench";

const USAGE =
  `Usage: deno run -P=bench scripts/bench_backtest.ts [--runs N] [--sizes 100,500] [--json]

Times whole \`deno task backtest\` processes (equal-weight monthly, 0.1% commission) on
generated price stores of N assets x ${DAYS} days (built under ${dir}/ on first use).

  --runs N          processes per figure (default 5; the median and the best are shown)
  --sizes A,B       asset counts (default 100,500)
  --json            print the figures as JSON instead of lines
  --help, -h        this help`;

const VARIANTS = [
  { name: "plain engine (--no-audit --no-report)", flags: ["--no-audit", "--no-report"] },
  { name: "with audit log (--audit --no-report)", flags: ["--audit", "--no-report"] },
  { name: "as the task runs by default", flags: [] },
] as const;

const _pct = (x: number) => `${(100 * x).toFixed(0)}%`;

await runScript(async () => {
  const { values } = parseFlags(Deno.args, {
    runs: { type: "string" },
    sizes: { type: "string" },
    json: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs ?? 5);
  const sizes = String(values.sizes ?? "100,500").split(",").map(Number);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new InputError(`--runs must be a whole number >= 1: got "${values.runs}"`);
  }
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new InputError(`--sizes must list whole numbers >= 1: got "${values.sizes}"`);
  }
  const figures: Record<string, string | number>[] = [];
  await Deno.mkdir(dir, { recursive: true });
  if (!values.json) {
    console.log(
      `\nend-to-end \`deno task backtest\`: equal-weight monthly, 0.1% commission, ${runs} runs each (load ${
        Deno.loadavg().map((x) => x.toFixed(2)).join(" ")
      })`,
    );
  }
  for (const assets of sizes) {
    const path = join(dir, `prices_${assets}x${DAYS}.db`);
    await ensureStore(path, assets, DAYS);
    const base = [
      "run",
      "--quiet",
      "-P=backtest",
      "scripts/backtest.ts",
      "--source=store",
      `--store=${path}`,
      "--strategy=equal-weight",
      "--broker-commission=percent:0.001",
      "--broker-slippage-bps=0",
      "--cash=10000000",
      `--results-dir=${dir}/out`,
    ];
    const variants = [
      {
        name: "engine alone (store, Panel, run, metrics)",
        args: ["run", "--quiet", "-P=bench", "scripts/bench_engine_run.ts", path],
      },
      ...VARIANTS.map((v) => ({ name: v.name, args: [...base, ...v.flags] })),
    ];
    let plain: { wall: number; cpu: number } | undefined;
    for (const variant of variants) {
      const samples = [];
      const progress = startProgress(runs, `${assets} assets, ${variant.name}`);
      try {
        for (let i = 0; i < runs; i++) {
          samples.push(await timeProcess(variant.args));
          progress.tick(`run ${i + 1}`);
        }
      } finally {
        progress.stop();
      }
      const wall = median(samples.map((s) => s.seconds));
      const best = Math.min(...samples.map((s) => s.seconds));
      const cpu = median(samples.map((s) => s.cpuSeconds));
      const peak = Math.max(...samples.map((s) => s.peakMb));
      figures.push({ assets, days: DAYS, variant: variant.name, runs, wall, best, cpu, peak });
      plain ??= variant.args.includes("--no-audit") ? { wall, cpu } : undefined;
      if (values.json) continue;
      const added = plain && !variant.args.includes("--no-audit")
        ? `, +${_pct(wall / plain.wall - 1)} wall and +${
          _pct(cpu / plain.cpu - 1)
        } CPU on the plain task`
        : "";
      console.log(
        `${assets} x ${DAYS}, ${variant.name}: wall ${wall.toFixed(3)} s (best ${
          best.toFixed(3)
        }), cpu ${cpu.toFixed(3)} s, peak ${peak.toFixed(0)} MB, ${
          (assets * DAYS / wall / 1e6).toFixed(2)
        }M asset-days/s (${(DAYS / wall).toFixed(0)} days/s)${added}`,
      );
    }
  }
  if (values.json) console.log(JSON.stringify(figures, null, 2));
});
