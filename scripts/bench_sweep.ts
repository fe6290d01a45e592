/**
 * Benchmark of a parameter sweep (issue 10, part 5): the regime-aware strategy
 * on the fixture market (42 tickers, 10 years), a random search of 1,000
 * combinations of sizing and protection parameters, every run stored in a
 * SQLite sweep store as `deno task sweep` stores it, on worker threads sharing
 * the loaded prices and the market services.
 *
 * Reported: wall time and runs per second; CPU seconds per run (user + system
 * of the process, all threads: a fair figure on a machine shared with other
 * work); peak resident memory (the kernel's high-water mark, VmHWM) of a
 * separate process for each sweep size, to show that memory stays flat from
 * 100 to 1,000 runs. Goal: 1,000 runs under 1 minute on 2 cores, memory flat.
 *
 * Usage: deno run -P=bench scripts/bench_sweep.ts [--runs 100,1000] [--workers N] [--unshared] [--json]
 *
 * @module
 */
import process from "node:process";
import { join } from "node:path";
import { parseFlags } from "../lib/cli/args.ts";
import type { ConfigLayer } from "../lib/config/layers.ts";
import { runScript } from "../lib/cli/run_script.ts";
import { InputError } from "../lib/errors.ts";
import { gridParameters } from "../lib/research/grid_space.ts";
import { prepareSweep, runSweep } from "../lib/research/run_sweep.ts";
import { SqliteSweepStore } from "../lib/research/sqlite_sweep_store.ts";

const dir = "results/bench";
const USAGE =
  `Usage: deno run -P=bench scripts/bench_sweep.ts [--runs 100,1000] [--workers N] [--unshared] [--json]

Sweeps the regime-aware strategy on the fixtures over a random 1,000 of 3,375 sizing and
protection combinations (fewer with --runs), each size in its own process, storing runs in
${dir}/. Goal: 1,000 runs under 1 minute on 2 cores, peak memory flat from 100 to 1,000 runs.

  --runs A,B      sweep sizes (default 100,1000)
  --workers N     worker threads (default: one per core)
  --unshared      every run builds its own Panel, regime provider, scans and fundamentals
                  (the cost sharing saves)
  --json          one JSON object per size instead of the table
  --help, -h      this help`;

/** 9 x 5 x 5 x 5 x 3 = 3,375 combinations of sizing and protection parameters. */
export const BENCH_GRID = {
  "sizing.minScore": { from: 0.55, to: 0.75, step: 0.025 },
  "sizing.maxSingle": { from: 0.1, to: 0.2, step: 0.025 },
  "protection.graceDays": { from: 1, to: 5, step: 1 },
  "protection.holdingDays": { from: 1, to: 5, step: 1 },
  "protection.whipsawWindowDays": [7, 14, 21],
} as const;

/** What one sweep size measured. */
export type SweepBench = {
  readonly runs: number;
  readonly workers: number;
  /** Whether the runs shared the market services (the default) or built them each. */
  readonly share: boolean;
  /** Seconds from the first run started to the last stored (after preparing). */
  readonly seconds: number;
  readonly runsPerSecond: number;
  /** Seconds to plan, validate every run and load the market. */
  readonly prepareSeconds: number;
  /** CPU seconds (all threads) per run, over the sweep. */
  readonly cpuPerRun: number;
  /** Peak resident memory of the process, MB (VmHWM). */
  readonly peakMb: number;
  /** Resident memory after each tenth of the runs, MB. */
  readonly rssMb: readonly number[];
};

/**
 * Runs one sweep of `runs` runs in this process and measures it; `layers` is the base config
 * (default: the fixtures, as `deno task sweep` with no config).
 */
export async function benchOnce(
  runs: number,
  workers: number,
  share = true,
  layers: readonly ConfigLayer[] = [],
): Promise<SweepBench> {
  const t0 = performance.now();
  const prepared = await prepareSweep({
    source: "bench",
    layers,
    parameters: gridParameters(BENCH_GRID, "bench"),
    random: { count: runs, seed: 1 },
  });
  await Deno.mkdir(dir, { recursive: true });
  const path = join(dir, `sweep-${runs}-${Deno.pid}.db`);
  const store = SqliteSweepStore.open(path);
  const cpu0 = process.cpuUsage();
  const t1 = performance.now();
  const checkpoints = new Set(Array.from({ length: 10 }, (_, i) => Math.ceil(runs * (i + 1) / 10)));
  const rss: number[] = [];
  let done = 0;
  try {
    for await (const _ of runSweep(prepared, { name: "bench", store, workers, share })) {
      done++;
      if (checkpoints.has(done)) rss.push(await memoryMb("VmRSS"));
    }
  } finally {
    await store.close();
    for (const suffix of ["", "-wal", "-shm"]) await Deno.remove(path + suffix).catch(() => {});
  }
  const seconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    runs: done,
    workers,
    share,
    seconds,
    runsPerSecond: done / seconds,
    prepareSeconds: (t1 - t0) / 1000,
    cpuPerRun: (cpu.user + cpu.system) / 1e6 / done,
    // The kernel updates VmHWM lazily (when memory is unmapped), so it can lag a sampled VmRSS.
    peakMb: Math.max(await memoryMb("VmHWM"), ...rss),
    rssMb: rss,
  };
}

/** Resident memory in MB from the kernel (`VmHWM`, the peak, or `VmRSS`); Deno's own count elsewhere. */
export async function memoryMb(field: "VmHWM" | "VmRSS"): Promise<number> {
  try {
    const status = await Deno.readTextFile("/proc/self/status");
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    if (kb !== undefined) return Math.round(Number(kb) * 1024 / 1e6);
  } catch {
    // not Linux: fall through
  }
  return Math.round(Deno.memoryUsage().rss / 1e6);
}

function _list(text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const values = text.split(",").map((s) => Number(s.trim()));
  if (values.some((n) => !Number.isInteger(n) || n < 1 || n > 3375)) {
    throw new InputError(`--runs: whole numbers from 1 to 3375 separated by commas, got ${text}`);
  }
  return values;
}

if (import.meta.main) {
  await runScript(async () => {
    const { values } = parseFlags(Deno.args, {
      runs: { type: "string" },
      workers: { type: "string" },
      json: { type: "boolean" },
      unshared: { type: "boolean" },
      child: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      console.log(USAGE);
      return;
    }
    const workers = values.workers === undefined
      ? navigator.hardwareConcurrency
      : Number(values.workers);
    if (!Number.isInteger(workers) || workers < 0) {
      throw new InputError(`--workers: a whole number >= 0, got ${values.workers}`);
    }
    const sizes = _list(values.runs, [100, 1000]);
    if (values.child) {
      console.log(JSON.stringify(await benchOnce(sizes[0] ?? 100, workers, !values.unshared)));
      return;
    }
    // Each size in a process of its own, so that its peak memory is its own.
    const results: SweepBench[] = [];
    for (const runs of sizes) {
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
          ...(values.unshared ? ["--unshared"] : []),
        ],
        stdout: "piped",
        stderr: "inherit",
      }).output();
      if (out.code !== 0) throw new Error(`the ${runs}-run sweep failed (exit ${out.code})`);
      results.push(JSON.parse(new TextDecoder().decode(out.stdout)));
    }
    if (values.json) {
      for (const r of results) console.log(JSON.stringify(r));
      return;
    }
    console.log(
      `sweep of the regime-aware strategy on the fixtures (42 tickers x 10 years), ${workers} workers${
        values.unshared ? ", unshared" : ""
      }, ` +
        `load ${Deno.loadavg()[0]?.toFixed(1)}:`,
    );
    for (const r of results) {
      console.log(
        `  ${String(r.runs).padStart(5)} runs: ${r.seconds.toFixed(1)} s (${
          r.runsPerSecond.toFixed(1)
        } runs/s; prepare ${r.prepareSeconds.toFixed(1)} s), ${
          (r.cpuPerRun * 1000).toFixed(0)
        } ms CPU a run, peak ${r.peakMb} MB (RSS by tenths of the runs: ${r.rssMb.join(" ")} MB)`,
      );
    }
  });
}
