/**
 * End-to-end benchmark of `deno task backtest`: a whole process (start, load
 * from the price store, equal-weight monthly rebalance with a 0.1% commission,
 * metrics, result written) on generated data, 100 and 500 assets x 5,000
 * days. Prints wall time, peak memory and asset-days per second.
 *
 * Usage: deno task bench (runs this after `deno bench`), or
 *        deno run -P=bench scripts/bench_backtest.ts [--runs N]
 *
 * @module
 */
import { join } from "node:path";
import { runScript } from "../lib/cli/run_script.ts";
import { parseFlags } from "../lib/cli/args.ts";
import { emptySeries } from "../lib/data/bars.ts";
import { PriceStore } from "../lib/data/price_store.ts";
import { randomWalkPanel } from "../lib/engine/_test_panel.ts";

const DAYS = 5_000;
const dir = "results/bench";

function buildStore(path: string, assets: number): void {
  const panel = randomWalkPanel(assets, DAYS, 42, 0);
  const series = panel.tickers.map((ticker, a) => {
    const s = emptySeries(ticker, "1d", DAYS);
    for (let t = 0; t < DAYS; t++) s.time[t] = (panel.days[t] as number) * 86_400_000;
    s.open.set(panel.open[a] as Float64Array);
    s.high.set(panel.high[a] as Float64Array);
    s.low.set(panel.low[a] as Float64Array);
    s.close.set(panel.close[a] as Float64Array);
    s.adjClose.set(panel.close[a] as Float64Array);
    s.volume.fill(1e6);
    return s;
  });
  const store = PriceStore.open(path);
  try {
    store.write(series);
  } finally {
    store.close();
  }
}

async function timeRun(args: string[]): Promise<{ seconds: number; peakMb: number | null }> {
  const deno = Deno.execPath();
  const full = ["run", "--quiet", "-P=backtest", "scripts/backtest.ts", ...args];
  let useTime = true;
  try {
    await Deno.stat("/usr/bin/time");
  } catch {
    useTime = false;
  }
  const started = performance.now();
  const out = await new Deno.Command(useTime ? "/usr/bin/time" : deno, {
    args: useTime ? ["-f", "%M", deno, ...full] : full,
    stdout: "null",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - started) / 1000;
  const stderr = new TextDecoder().decode(out.stderr).trim();
  if (!out.success) throw new Error(`backtest failed: ${stderr}`);
  const kb = useTime ? Number(stderr.split("\n").at(-1)) : NaN;
  return { seconds, peakMb: Number.isFinite(kb) ? kb / 1024 : null };
}

await runScript(async () => {
  const { values } = parseFlags(Deno.args, { runs: { type: "string" } });
  const runs = Number(values.runs ?? 5);
  await Deno.mkdir(dir, { recursive: true });
  console.log("\nend-to-end `deno task backtest` (equal-weight monthly, 0.1% commission)");
  for (const assets of [100, 500]) {
    const path = join(dir, `prices_${assets}x${DAYS}.db`);
    try {
      await Deno.stat(path);
    } catch {
      buildStore(path, assets);
    }
    const args = [
      "--source=store",
      `--store=${path}`,
      "--strategy=equal-weight",
      "--broker-commission=percent:0.001",
      "--broker-slippage-bps=0",
      "--cash=10000000",
      `--results-dir=${dir}/out`,
    ];
    const times: number[] = [];
    let peak = 0;
    for (let i = 0; i < runs; i++) {
      const r = await timeRun(args);
      times.push(r.seconds);
      peak = Math.max(peak, r.peakMb ?? 0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    const best = times[0] as number;
    const rate = (assets * DAYS) / median;
    console.log(
      `${assets} x ${DAYS}: median ${median.toFixed(3)} s, best ${best.toFixed(3)} s, ` +
        `peak ${peak > 0 ? `${peak.toFixed(0)} MB` : "n/a"}, ${
          (rate / 1e6).toFixed(1)
        }M asset-days/s`,
    );
  }
});
